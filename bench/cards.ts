// Card rendering: 1,000 cards (the test corpus, round robin) checked and rendered to Markdown and to HTML.
// `npm run bench` prints it first; `bash scripts/bench cards` runs it alone.
import { performance } from "node:perf_hooks";
import { checkCard, renderCardHtml, renderCardText } from "../provider/card";
import { cardCorpus } from "../test/cases/card-corpus";

/** Milliseconds to check, render as text and render as HTML `count` cards, each step on its own. */
export function cardRendering(count = 1000): { count: number; checkMs: number; textMs: number; htmlMs: number } {
  const cards = Array.from({ length: count }, (_, i) => cardCorpus[i % cardCorpus.length].card);
  const time = (step: (card: unknown) => unknown) => {
    cards.slice(0, 50).forEach(step); // warm-up, so the figure is not the JIT's first pass
    const start = performance.now();
    cards.forEach(step);
    return Math.round((performance.now() - start) * 10) / 10;
  };
  return { count, checkMs: time((c) => checkCard(c)), textMs: time(renderCardText), htmlMs: time(renderCardHtml) };
}

/** The row as the bench prints it. */
export function describeCardRendering(r: ReturnType<typeof cardRendering>): string {
  const rendered = `rendered as Markdown in ${r.textMs} ms, as HTML in ${r.htmlMs} ms`;
  return `cards: ${r.count} checked in ${r.checkMs} ms, ${rendered}`;
}

if (require.main === module) console.log(describeCardRendering(cardRendering()));

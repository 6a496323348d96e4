/**
 * A line diff of two texts, as unified-diff lines without hunk headers: " " kept, "-" removed,
 * "+" added. Cards run to tens of lines, so the longest common subsequence (quadratic) is cheap;
 * past `maxCells` line pairs it falls back to "all removed, all added" rather than spend memory.
 */
export function lineDiff(before: string, after: string, maxCells = 4_000_000): string[] {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  if (a.length * b.length > maxCells) return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(` ${a[i++]}`);
      j++;
    } else if (j < b.length && (i === a.length || lengths[i][j + 1] >= lengths[i + 1][j])) out.push(`+${b[j++]}`);
    else out.push(`-${a[i++]}`);
  }
  return out;
}

/** Only the changed lines and `context` lines around each, with "…" where lines were skipped. */
export function withContext(diff: readonly string[], context = 2): string[] {
  const keep = diff.map(() => false);
  diff.forEach((line, i) => {
    if (line[0] === " ") return;
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) keep[k] = true;
  });
  const out: string[] = [];
  diff.forEach((line, i) => {
    if (keep[i]) out.push(line);
    else if (i === 0 || keep[i - 1]) out.push(" …");
  });
  return out;
}

/** Median and 95th percentile of samples in ms. */
export function summarize(samples: readonly number[]): { readonly median: number; readonly p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

/** Milliseconds one async call takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Calls per full window from the first call, over the allowed number. */
export function pacedRatio(
  times: readonly number[],
  windowMs: number,
  allowed: number,
): { readonly perWindow: number[]; readonly ratio: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const full = Math.floor((sorted[sorted.length - 1] - sorted[0]) / windowMs);
  const perWindow = Array.from(
    { length: full },
    (_, k) => sorted.filter((t) => t >= sorted[0] + k * windowMs && t < sorted[0] + (k + 1) * windowMs).length,
  );
  return {
    perWindow,
    ratio: perWindow.length === 0 ? Number.NaN : perWindow.reduce((a, b) => a + b, 0) / perWindow.length / allowed,
  };
}

/** One line of a chart: a name, a colour, and its points. */
export interface Series {
  readonly name: string;
  readonly colour: string;
  readonly dashed?: boolean;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** A small SVG line chart with log-scaled x (N = 10, 50, 200, 1000 spread out evenly) and linear y. */
export function lineChart(
  title: string,
  subtitle: string,
  xLabel: string,
  yLabel: string,
  series: readonly Series[],
): string {
  const width = 720,
    height = 440,
    left = 70,
    right = 200,
    top = 60,
    bottom = 50;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const yMax = Math.max(...ys) * 1.1 || 1;
  const px = (x: number) =>
    left + ((Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin) || 1)) * (width - left - right);
  const py = (y: number) => height - bottom - (y / yMax) * (height - top - bottom);
  const lines = series.map((s, i) => {
    const d = s.points.map((p, j) => `${j === 0 ? "M" : "L"}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ");
    const legendY = top + 18 * i;
    return (
      `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>` +
      `<line x1="${width - right + 15}" y1="${legendY}" x2="${width - right + 40}" y2="${legendY}" ` +
      `stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>` +
      `<text x="${width - right + 45}" y="${legendY + 4}" font-size="12">${s.name}</text>`
    );
  });
  const xTicks = [...new Set(xs)].map(
    (x) => `<text x="${px(x)}" y="${height - bottom + 18}" font-size="12" text-anchor="middle">${x}</text>`,
  );
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map(
    (f) =>
      `<text x="${left - 8}" y="${py(f * yMax) + 4}" font-size="12" text-anchor="end">${(f * yMax).toFixed(1)}</text>` +
      `<line x1="${left}" y1="${py(f * yMax)}" x2="${width - right}" y2="${py(f * yMax)}" stroke="#ddd"/>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="${left}" y="24" font-size="15" font-weight="bold">${title}</text>` +
    `<text x="${left}" y="44" font-size="12" fill="#555">${subtitle}</text>` +
    yTicks.join("") +
    xTicks.join("") +
    `<text x="${(left + width - right) / 2}" y="${height - 10}" font-size="12" text-anchor="middle">${xLabel}</text>` +
    `<text x="16" y="${(top + height - bottom) / 2}" font-size="12" ` +
    `transform="rotate(-90 16 ${(top + height - bottom) / 2})" text-anchor="middle">${yLabel}</text>` +
    lines.join("") +
    `</svg>\n`
  );
}

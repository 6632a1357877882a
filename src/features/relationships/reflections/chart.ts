// The usefulness trend as a server-drawn SVG line chart: no JavaScript, so it works everywhere the
// page does. It is one image to assistive technology (role="img") with a sentence that sums it up;
// the table beside it on the page holds the same numbers for anyone who wants every value
// (https://service-manual.nhs.uk/accessibility — do not rely on a chart alone).

export interface TrendPoint {
  at: Date;
  dateText: string;
  usefulness: number;
}

export interface UsefulnessChart {
  width: number;
  height: number;
  summary: string;
  plot: { left: number; right: number; top: number; bottom: number };
  gridLines: { y: number; label: string }[];
  xLabels: { x: number; text: string; anchor: 'start' | 'middle' | 'end' }[];
  line: string;
  points: { x: number; y: number; usefulness: number; dateText: string }[];
}

const WIDTH = 640;
const HEIGHT = 260;
const PLOT = { left: 48, right: WIDTH - 24, top: 16, bottom: HEIGHT - 40 };

/** Usefulness 1–10 to a height inside the plot: 10 at the top, 1 at the bottom. */
function yOf(usefulness: number): number {
  return PLOT.bottom - ((usefulness - 1) / 9) * (PLOT.bottom - PLOT.top);
}

function describe(points: TrendPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No session reflections yet.';
  const scores = points.map((p) => p.usefulness);
  const count = points.length === 1 ? '1 session' : `${points.length} sessions`;
  const span = points.length === 1 ? `on ${first.dateText}` : `from ${first.dateText} to ${last.dateText}`;
  return `How useful sessions were, out of 10: ${count} ${span}. Lowest ${Math.min(...scores)}, highest ${Math.max(...scores)}, most recent ${last.usefulness}.`;
}

/**
 * Points are placed by date, so a long gap between sessions shows as one. Sessions on the same
 * moment (or a single session) sit in the middle. Points must come in date order.
 */
export function buildUsefulnessChart(points: TrendPoint[]): UsefulnessChart | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const start = first.at.getTime();
  const span = last.at.getTime() - start;
  const xOf = (at: Date) => (span === 0 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + ((at.getTime() - start) / span) * (PLOT.right - PLOT.left));
  const placed = points.map((p) => ({ x: round(xOf(p.at)), y: round(yOf(p.usefulness)), usefulness: p.usefulness, dateText: p.dateText }));
  const firstPlaced = placed[0];
  const lastPlaced = placed.at(-1);
  const xLabels: UsefulnessChart['xLabels'] = [];
  if (firstPlaced && lastPlaced) {
    if (span === 0) xLabels.push({ x: firstPlaced.x, text: first.dateText, anchor: 'middle' });
    else xLabels.push({ x: PLOT.left, text: first.dateText, anchor: 'start' }, { x: PLOT.right, text: last.dateText, anchor: 'end' });
  }
  return {
    width: WIDTH,
    height: HEIGHT,
    summary: describe(points),
    plot: PLOT,
    gridLines: [1, 5, 10].map((value) => ({ y: round(yOf(value)), label: String(value) })),
    xLabels,
    line: placed.map((p) => `${p.x},${p.y}`).join(' '),
    points: placed,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

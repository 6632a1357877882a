// A small progress sparkline, drawn on the server as SVG so it needs no JavaScript. It only repeats
// what the reviews table beside it says (the same ratings, oldest to newest), and its text
// alternative reads the numbers out, so nobody depends on seeing the line.
export interface TrendPoint {
  progress: number;
  date: string;
}

export interface Trend {
  width: number;
  height: number;
  /** The polyline's points, "x,y x,y …". */
  points: string;
  dots: { x: number; y: number }[];
  /** The text alternative: "Progress ratings from oldest to newest: 3, 5 and 7 out of 10". */
  label: string;
}

const WIDTH = 240;
const HEIGHT = 60;
const PAD = 6;

/** Needs at least two reviews: one rating is not a trend. */
export function progressTrend(points: TrendPoint[]): Trend | null {
  if (points.length < 2) return null;
  const step = (WIDTH - 2 * PAD) / (points.length - 1);
  // Ratings run 1 to 10: 1 sits on the bottom edge, 10 on the top.
  const dots = points.map((p, index) => ({
    x: Math.round(PAD + index * step),
    y: Math.round(HEIGHT - PAD - ((p.progress - 1) / 9) * (HEIGHT - 2 * PAD)),
  }));
  const ratings = points.map((p) => String(p.progress));
  const listed = `${ratings.slice(0, -1).join(', ')} and ${ratings.at(-1) ?? ''}`;
  return {
    width: WIDTH,
    height: HEIGHT,
    points: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    label: `Progress ratings from oldest to newest: ${listed} out of 10`,
  };
}

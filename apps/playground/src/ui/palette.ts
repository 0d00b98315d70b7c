/** The Playground's colours: orange for negative / class 0, blue for positive / class 1. */
export const NEGATIVE: Rgb = [245, 147, 34];
export const POSITIVE: Rgb = [8, 119, 189];
export type Rgb = readonly [number, number, number];

/** Class colours (two classes: the Playground's orange and blue; more: a categorical set). */
const CLASS_COLOURS: readonly Rgb[] = [
  NEGATIVE, POSITIVE, [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207],
];

export function classColour(k: number): Rgb {
  return CLASS_COLOURS[k % CLASS_COLOURS.length];
}

export function css(c: Rgb, alpha = 1): string {
  return `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})`;
}

/** A diverging scale: -1 orange, 0 white, +1 blue (v clamped to [-1, 1]), written into `out` at `at`. */
export function divergingInto(v: number, out: Uint8ClampedArray, at: number): void {
  const t = v > 1 ? 1 : v < -1 ? -1 : v;
  const c = t < 0 ? NEGATIVE : POSITIVE;
  const a = t < 0 ? -t : t;
  out[at] = 255 + (c[0] - 255) * a;
  out[at + 1] = 255 + (c[1] - 255) * a;
  out[at + 2] = 255 + (c[2] - 255) * a;
  out[at + 3] = 255;
}

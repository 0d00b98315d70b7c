/**
 * Series colours: the Tableau 10 palette, distinct for the colour-blind in the usual pairs and
 * readable on GitHub's light and dark themes (plots carry their own white background).
 */
export const SERIES_COLORS: readonly string[] = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
];

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

/** Two class colours for decision maps: class 0 blue, class 1 orange (then the rest of the palette). */
export function classColor(k: number): string {
  return seriesColor(k === 0 ? 0 : k === 1 ? 1 : k);
}

/**
 * NO_COLOR (https://no-color.org): when present and not empty, nn writes no colour. Ink colours
 * through chalk, which reads only FORCE_COLOR, and the chart and map rows carry their own escapes
 * (ansi.ts), so both are switched here.
 */
export function colorDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.NO_COLOR;
  return value !== undefined && value !== "";
}

/** Call before Ink (chalk) is first imported: chalk decides its colour level when it loads. */
export function applyNoColor(env: Record<string, string | undefined>): void {
  if (colorDisabled(env)) env.FORCE_COLOR = "0";
}

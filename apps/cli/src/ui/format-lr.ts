/** A learning rate as the screen and the plain lines show it: 0.1, 0.0025, 1.00e-5. */
export function formatLr(lr: number): string {
  return lr >= 1e-3 && lr < 1e4 ? String(Number(lr.toPrecision(4))) : lr.toExponential(2);
}

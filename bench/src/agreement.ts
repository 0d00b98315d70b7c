/** How one implementation's final loss compares with the reference implementation's. */
export interface Agreement {
  readonly name: string;
  readonly value: number;
  /** |value − reference| / max(|reference|, floor) */
  readonly relativeDifference: number;
  readonly ok: boolean;
}

/**
 * Compares final losses (or any scalars) against a reference. Every implementation starts from
 * the same weights, sees the same batches and applies the same updates, so after the same number
 * of steps their losses differ only by float32 rounding carried through training: a relative
 * difference above `tolerance` means one of them computes something else. `floor` keeps a loss
 * near zero from turning rounding noise into a large relative difference. A non-finite value
 * never agrees.
 */
export function checkAgreement(reference: number, results: ReadonlyArray<{ name: string; value: number }>, tolerance: number, floor = 1e-3): Agreement[] {
  return results.map(({ name, value }) => {
    const relativeDifference = Math.abs(value - reference) / Math.max(Math.abs(reference), floor);
    const ok = Number.isFinite(value) && Number.isFinite(reference) && relativeDifference <= tolerance;
    return { name, value, relativeDifference, ok };
  });
}

/**
 * Largest |x − y| over two result arrays, relative to the largest |x| (products from different
 * libraries agree to float32 rounding, not bit for bit). Length mismatch is Infinity.
 */
export function relativeMaxDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) return Number.POSITIVE_INFINITY;
  let diff = 0, scale = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i] - y[i]);
    if (!(d <= diff)) diff = d; // also catches NaN
    const s = Math.abs(x[i]);
    if (s > scale) scale = s;
  }
  return diff / Math.max(scale, Number.MIN_VALUE);
}

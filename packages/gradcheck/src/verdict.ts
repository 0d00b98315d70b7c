/**
 * The judgement of one coordinate, from the objective evaluated at θ, θ ± h and (when needed)
 * θ ± 2h. Everything here is in derivative units. docs/math_derivations.md §10 and §A.2 (kinks)
 */

/** What the finite differences around one coordinate say. */
export interface Stencil {
  /** Central difference (L(θ+h) − L(θ−h)) / 2h: error O(h²) where L is smooth. */
  central: number;
  /** (L(θ+h) − L(θ)) / h and (L(θ) − L(θ−h)) / h. Smooth L: they differ by h·L'' only. */
  rightSlope: number;
  leftSlope: number;
  /**
   * |E(2h) − 4E(h)| / 2h with E(k) = L(θ+k) + L(θ−k) − 2L(θ): zero up to O(h³) where L is smooth,
   * about the jump in L' where a kink lies within 2h. NaN when ±2h was not evaluated.
   */
  evenDeviation: number;
  /** |D(2h) − D(h)| for central differences D: O(h²) where smooth, O(h) or more across a kink. NaN if not evaluated. */
  oddDeviation: number;
  /** Rounding-error floor of the quantities above (they cannot be trusted below it). */
  noise: number;
}

export type Verdict = "pass" | "fail" | "kink";

/** The pass criterion: |a − n| ≤ atol + rtol·max(|a|, |n|). */
export function tolerance(analytic: number, numeric: number, atol: number, rtol: number): number {
  return atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric));
}

/** |a − n| / max(|a|, |n|) when |a − n| > atol, else 0; Infinity for a non-finite value. */
export function relativeError(analytic: number, numeric: number, atol: number): number {
  if (!Number.isFinite(analytic) || !Number.isFinite(numeric)) return Infinity;
  const diff = Math.abs(analytic - numeric);
  if (diff <= atol) return 0;
  return diff / Math.max(Math.abs(analytic), Math.abs(numeric));
}

/**
 * Whether the ±2h points are worth evaluating: only when the h-stencil alone cannot settle the
 * coordinate, because the check failed or the one-sided slopes disagree beyond the tolerance.
 */
export function needsWideStencil(analytic: number, central: number, rightSlope: number, leftSlope: number, atol: number, rtol: number): boolean {
  const tol = tolerance(analytic, central, atol, rtol);
  return !(Math.abs(analytic - central) <= tol) || !(Math.abs(rightSlope - leftSlope) <= tol);
}

/**
 * pass / fail / kink. A kink needs two things: the stencil shows L is not smooth within 2h of θ
 * (its even or odd part departs from the Taylor prediction by more than the tolerance and the
 * rounding floor), and the analytic value lies between the one-sided slopes, as a derivative
 * taken on either side of the kink (or any subgradient) does. An analytic value outside that
 * range is wrong on both sides, so it fails even at a kink: a ×2 bug is not excused by a ReLU.
 */
export function judge(analytic: number, s: Stencil, atol: number, rtol: number): Verdict {
  if (!Number.isFinite(analytic) || !Number.isFinite(s.central)) return "fail";
  const tol = tolerance(analytic, s.central, atol, rtol);
  const withinTolerance = Math.abs(analytic - s.central) <= tol;
  const deviation = Math.max(s.evenDeviation, s.oddDeviation);
  if (deviation > Math.max(tol, s.noise)) {
    const margin = tol + s.noise;
    const low = Math.min(s.leftSlope, s.rightSlope) - margin;
    const high = Math.max(s.leftSlope, s.rightSlope) + margin;
    if (analytic >= low && analytic <= high) return "kink";
  }
  return withinTolerance ? "pass" : "fail";
}

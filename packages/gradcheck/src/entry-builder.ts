import { unravelIndex } from "./sampling.js";
import type { GradcheckEntry, Kink } from "./types.js";
import { type Stencil, type Verdict, relativeError } from "./verdict.js";

/** Folds per-coordinate verdicts into one report entry, remembering the worst coordinate. */
export class EntryBuilder {
  private checked = 0;
  private failures = 0;
  private maxRelError = 0;
  private maxAbsError = 0;
  private worstFlat = -1;
  private worstRel = -1;
  private worstAbs = -1;
  private analytic = NaN;
  private numeric = NaN;
  private readonly kinks: Kink[] = [];

  constructor(
    private readonly name: string,
    private readonly shape: readonly number[],
    private readonly total: number,
    private readonly atol: number,
  ) {}

  add(flat: number, analytic: number, s: Stencil, verdict: Verdict): void {
    this.checked++;
    if (verdict === "kink") {
      this.kinks.push({
        index: unravelIndex(flat, this.shape), analytic, numeric: s.central, rightSlope: s.rightSlope, leftSlope: s.leftSlope,
      });
      return;
    }
    if (verdict === "fail") this.failures++;
    const rel = relativeError(analytic, s.central, this.atol);
    const abs = Number.isFinite(analytic) && Number.isFinite(s.central) ? Math.abs(analytic - s.central) : Infinity;
    this.maxRelError = Math.max(this.maxRelError, rel);
    this.maxAbsError = Math.max(this.maxAbsError, abs);
    // Worst: largest relative error; among coordinates within atol (relative error 0), largest absolute error.
    if (rel > this.worstRel || (rel === this.worstRel && abs > this.worstAbs)) {
      this.worstRel = rel;
      this.worstAbs = abs;
      this.worstFlat = flat;
      this.analytic = analytic;
      this.numeric = s.central;
    }
  }

  build(): GradcheckEntry {
    return {
      name: this.name,
      shape: this.shape,
      passed: this.failures === 0,
      maxRelError: this.maxRelError,
      maxAbsError: this.maxAbsError,
      worstIndex: this.worstFlat < 0 ? null : unravelIndex(this.worstFlat, this.shape),
      analytic: this.analytic,
      numeric: this.numeric,
      checked: this.checked,
      total: this.total,
      failures: this.failures,
      kinks: this.kinks,
    };
  }
}

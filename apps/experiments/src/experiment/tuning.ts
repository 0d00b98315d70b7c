/**
 * Choosing a hyperparameter on the validation split: the candidate with the lowest mean validation
 * loss over seeds. A candidate with a seed whose validation loss is not finite (a diverged run)
 * is never chosen, whatever its other seeds did. Ties go to the earlier candidate.
 */
import { mean } from "../stats.js";

export function bestByValidation<T>(candidates: readonly T[], validationLosses: (c: T) => readonly number[]): number {
  let best = -1, bestScore = Infinity;
  candidates.forEach((c, i) => {
    const losses = validationLosses(c);
    const score = losses.every(Number.isFinite) ? mean(losses) : Infinity;
    if (score < bestScore) { best = i; bestScore = score; }
  });
  if (best < 0) throw new Error("bestByValidation: every candidate has a seed with a non-finite validation loss; widen the grid towards smaller steps");
  return best;
}

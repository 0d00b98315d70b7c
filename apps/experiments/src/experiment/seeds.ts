/**
 * Seeds per configuration: 10 in the full run (enough for a paired t-test to separate differences
 * of about one standard deviation of the per-seed differences), 2 in the quick (CI) run, whose
 * numbers check the pipeline rather than carry conclusions.
 */
import type { StudyConfig } from "../study.js";

export function seedsFor(config: StudyConfig): number[] {
  return config.quick ? [0, 1] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
}

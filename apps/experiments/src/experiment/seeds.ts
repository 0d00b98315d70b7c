/**
 * Seeds per configuration: 3 in the full run, 2 in the quick (CI) run. Three seeds keep the full
 * run near five minutes of CPU time, so it finishes well inside thirty on a shared two-core machine.
 */
import type { StudyConfig } from "../study.js";

export function seedsFor(config: StudyConfig): number[] {
  return config.quick ? [0, 1] : [0, 1, 2];
}

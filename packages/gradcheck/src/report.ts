import type { ResolvedOptions } from "./options.js";
import type { GradcheckEntry, GradcheckReport } from "./types.js";

/** The report around a check's entries, with notes a reader would otherwise have to infer. */
export function assembleReport(entries: GradcheckEntry[], o: ResolvedOptions, castFrom: "float32" | null, notes: string[]): GradcheckReport {
  let maxRelError = 0;
  let kinkCount = 0;
  for (const e of entries) {
    maxRelError = Math.max(maxRelError, e.maxRelError);
    kinkCount += e.kinks.length;
    if (e.checked < e.total) notes.push(`${e.name}: ${e.checked} of ${e.total} coordinates checked (seeded sample, maxCoordinates ${o.maxCoordinates})`);
    if (e.checked > 0 && e.kinks.length === e.checked) notes.push(`${e.name}: every checked coordinate is at a kink, so nothing was verified there`);
  }
  return {
    passed: entries.every((e) => e.passed),
    maxRelError,
    entries,
    checkedDType: "float64",
    castFrom,
    step: o.step,
    atol: o.atol,
    rtol: o.rtol,
    mode: o.mode,
    seed: o.seed,
    kinkCount,
    notes,
  };
}

/** The "## Tests" part of a report: every contrast the verdict rests on, with its interval and p. */
import { ALPHA, CONTRAST_HEADERS, type Decision, contrastRows } from "../verdict.js";
import { markdownTable } from "./markdown-table.js";

export function testsSection(decision: Decision, note?: string): string[] {
  return [
    "## Tests",
    "",
    `Each row is a paired comparison over seeds (the same seed gives both sides the same data sample, split and initial draw): the mean difference b − a with its 95 % t interval and the paired t-test's two-sided p. Ratios come from differences of natural logs. The verdict needs every row to hold: directional rows at α = ${ALPHA} after Holm's correction over the rows, interval rows (equivalence, non-inferiority) by where the interval lies.${note === undefined ? "" : " " + note}`,
    "",
    markdownTable(CONTRAST_HEADERS, contrastRows(decision.contrasts), ["left", "left", "right", "right", "right", "right", "left"]),
    `**Verdict: ${decision.verdict}** — ${decision.reason}.`,
    "",
  ];
}

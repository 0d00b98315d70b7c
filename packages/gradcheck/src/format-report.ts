import type { GradcheckEntry, GradcheckReport } from "./types.js";

/** How many kinks `formatReport` lists before summarising the rest. */
const KINKS_LISTED = 10;

function sci(v: number): string {
  if (Number.isNaN(v)) return "—";
  if (!Number.isFinite(v)) return "non-finite";
  return v === 0 ? "0" : v.toExponential(1);
}

/** Enough digits that an analytic and a numeric value that disagree visibly do so on screen. */
function value(v: number): string {
  if (Number.isNaN(v)) return "—";
  if (!Number.isFinite(v)) return String(v);
  return v === 0 ? "0" : Number(v.toPrecision(10)).toString();
}

/** Option values as a person writes them: 1e-6, not 0.000001. */
function short(v: number): string {
  return v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential() : String(v);
}

function index(name: string, idx: readonly number[] | null): string {
  return idx === null ? "—" : `${name}[${idx.join(", ")}]`;
}

function result(e: GradcheckEntry): string {
  if (!e.passed) return `FAIL (${e.failures})`;
  return e.checked === 0 ? "empty" : "pass";
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join("  ").trimEnd());
}

/**
 * A gradcheck report as a plain-text table: one row per checked tensor with its worst coordinate,
 * then the kinks and notes. Deterministic (same report, same text), no colour codes.
 */
export function formatReport(report: GradcheckReport): string {
  const lines: string[] = [];
  lines.push(`gradcheck ${report.passed ? "PASSED" : "FAILED"}: max relative error ${sci(report.maxRelError)}${report.kinkCount > 0 ? `, ${report.kinkCount} kink${report.kinkCount === 1 ? "" : "s"} excluded` : ""}`);
  const cast = report.castFrom === null ? "" : ` (cast from ${report.castFrom})`;
  lines.push(
    `${report.checkedDType}${cast} central differences, h = ${short(report.step)}, mode ${report.mode}, seed ${report.seed}; ` +
      `a coordinate passes when |a − n| ≤ ${short(report.atol)} + ${short(report.rtol)}·max(|a|, |n|)`,
  );
  lines.push("");
  const rows = [["tensor", "shape", "checked", "max rel err", "max abs err", "worst at", "analytic", "numeric", "kinks", "result"]];
  for (const e of report.entries) {
    rows.push([
      e.name, `[${e.shape.join(", ")}]`, `${e.checked}/${e.total}`, sci(e.maxRelError), sci(e.maxAbsError), index(e.name, e.worstIndex),
      value(e.analytic), value(e.numeric), String(e.kinks.length), result(e),
    ]);
  }
  lines.push(...table(rows));

  if (report.kinkCount > 0) {
    lines.push("", "kinks (the function is not smooth within 2h there; listed, not counted as failures):");
    const kinks = report.entries.flatMap((e) => e.kinks.map((k) => ({ name: e.name, k })));
    for (const { name, k } of kinks.slice(0, KINKS_LISTED)) {
      lines.push(`  ${index(name, k.index)}: analytic ${value(k.analytic)}, slopes left ${value(k.leftSlope)} / right ${value(k.rightSlope)}`);
    }
    if (report.kinkCount > KINKS_LISTED) lines.push(`  … and ${report.kinkCount - KINKS_LISTED} more`);
  }
  if (report.notes.length > 0) {
    lines.push("", "notes:");
    for (const note of report.notes) lines.push(`  - ${note}`);
  }
  return lines.join("\n");
}

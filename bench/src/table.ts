import type { BenchReport, WorkloadResult } from "./results.js";

/** 1234567 → "1.23M", 31999 → "32.0k", 27.51 → "27.5": three significant figures. */
export function formatThroughput(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (value >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
  if (value >= 1e3) return `${(value / 1e3).toPrecision(3)}k`;
  return value.toPrecision(3);
}

/** nn's throughput over another's: "5.4×", or "—" when either is missing. */
export function formatRatio(nn: number | undefined, other: number | undefined): string {
  if (nn === undefined || other === undefined || !(other > 0) || !Number.isFinite(nn)) return "—";
  const r = nn / other;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

/**
 * A plain-text table: the header, a rule, then the rows, each column as wide as its widest cell;
 * the first `textColumns` columns are left-aligned (names), the rest right-aligned (numbers).
 */
export function alignColumns(header: readonly string[], rows: ReadonlyArray<readonly string[]>, textColumns = 1): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function valueOf(w: WorkloadResult, impl: string): number | undefined {
  return w.results.find((r) => r.impl === impl)?.value;
}

/**
 * The bench table: one row per workload, the throughput of each implementation, nn's ratio to
 * each peer, and ✓ when every implementation reached nn's loss (or product) within tolerance.
 */
export function formatTable(report: BenchReport): string {
  // The autograd column (the cost of the tape) appears once a workload has it: training only.
  const autograd = report.workloads.some((w) => valueOf(w, "nn autograd") !== undefined) ? ["nn autograd"] : [];
  const impls = ["nn", ...autograd, "tfjs cpu", "tfjs wasm", ...(report.numpy === null ? [] : ["numpy"])];
  const peers = impls.slice(1);
  const header = ["workload", "unit", ...impls, ...peers.map((p) => `nn÷${p.replace("tfjs ", "").replace("nn ", "")}`), "same result"];
  const rows = report.workloads.map((w) => {
    const nn = valueOf(w, "nn");
    const failed = w.results.filter((r) => !r.agrees).map((r) => r.impl);
    return [
      w.workload, w.unit,
      ...impls.map((i) => formatThroughput(valueOf(w, i) ?? Number.NaN)),
      ...peers.map((p) => formatRatio(nn, valueOf(w, p))),
      failed.length === 0 ? "✓" : `✗ ${failed.join(", ")}`,
    ];
  });
  return alignColumns(header, rows, 2);
}

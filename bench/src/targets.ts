import type { BenchReport } from "./results.js";
import { formatRatio } from "./table.js";

/** A speed goal: nn's throughput on `workload` at least `ratio` times `peer`'s, in one run. */
export interface Target {
  readonly workload: string;
  readonly peer: string;
  readonly ratio: number;
}

/** The goals nn is built to meet: issue 10's against TensorFlow.js's WebAssembly backend, issue 18's against NumPy. */
export const TARGETS: readonly Target[] = [
  { workload: "W1 full batch", peer: "tfjs wasm", ratio: 5 },
  { workload: "W1 batch 32", peer: "tfjs wasm", ratio: 8 },
  { workload: "W2 batch 128", peer: "tfjs wasm", ratio: 5 },
  { workload: "W3 512³", peer: "tfjs wasm", ratio: 1 },
  { workload: "W3 X·W 128×784·784×256", peer: "tfjs wasm", ratio: 1 },
  { workload: "W3 Xᵀ·dY 784×128·128×256", peer: "tfjs wasm", ratio: 10 },
  { workload: "W3 dY·Wᵀ 128×256·256×784", peer: "tfjs wasm", ratio: 10 },
  // issue 18, against NumPy with single-threaded OpenBLAS
  { workload: "W1 full batch", peer: "numpy", ratio: 0.5 },
  { workload: "W1 batch 32", peer: "numpy", ratio: 1 },
  { workload: "W2 batch 128", peer: "numpy", ratio: 0.3 },
  ...["64³", "128³", "256³", "512³", "1024³", "X·W 128×784·784×256", "Xᵀ·dY 784×128·128×256", "dY·Wᵀ 128×256·256×784"]
    .map((name) => ({ workload: `W3 ${name}`, peer: "numpy", ratio: 0.3 })),
];

/**
 * How a speed goal reads: met (✓) or not (✗), or "·" in a quick run, whose samples are shorter
 * than the engines take to settle (nn's mini-batch row reads a tenth of a full run's there,
 * NumPy's half), so that it would judge the warm-up rather than the code.
 */
export function goalMark(met: boolean, quick: boolean): string {
  return quick ? "·" : met ? "✓" : "✗";
}

/**
 * One line per target present in the report: the measured ratio, the goal, ✓ or ✗. Reported,
 * never enforced: speed varies by machine and load, and CI asserts nothing about it.
 */
export function formatTargets(report: BenchReport, targets: readonly Target[] = TARGETS): string[] {
  const lines: string[] = [];
  for (const t of targets) {
    const w = report.workloads.find((x) => x.workload === t.workload);
    const nn = w?.results.find((r) => r.impl === "nn")?.value;
    const peer = w?.results.find((r) => r.impl === t.peer)?.value;
    if (nn === undefined || peer === undefined) continue;
    const met = nn >= t.ratio * peer;
    lines.push(`${goalMark(met, report.quick)} ${t.workload}: nn ${formatRatio(nn, peer)} ${t.peer} (goal ≥ ${t.ratio}×)`);
  }
  return lines;
}

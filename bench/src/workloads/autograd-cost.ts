import { type DType, kernels, setBackend, wasmKernels } from "@nn/tensor";
import { checkAgreement } from "../agreement.js";
import { nnAutogradTrainer } from "../impl/nn-autograd-mlp.js";
import { nnTrainer } from "../impl/nn-mlp.js";
import { w1Spec } from "../mlp-spec.js";
import { alignColumns, formatThroughput } from "../table.js";
import { goalMark } from "../targets.js";
import { lockstep } from "../lockstep.js";
import type { Clock } from "../timing.js";

/** Issue 20's goal: an autograd step of the seed MLP costs at most this many hand-written steps. */
export const AUTOGRAD_COST_GOAL = 1.5;

/**
 * Final losses of the two agree to this relative difference: the same formulas on the same
 * weights, apart from the order in which a bias gradient's rows are summed (float32 rounding).
 */
const LOSS_TOLERANCE = 1e-4;

export interface AutogradCostRow {
  /** `W1 batch 32 float64 js` */
  readonly workload: string;
  readonly dtype: DType;
  readonly backend: "js" | "wasm";
  /** samples/s of the hand-written layers and of the same network on the tape */
  readonly nn: number;
  readonly autograd: number;
  /** Time of an autograd step over a hand-written one (nn ÷ autograd throughput). */
  readonly cost: number;
  readonly agrees: boolean;
}

/** The seed MLP (W1) at both batch sizes, in both dtypes, on every backend this engine has. */
export function autogradCostCases(quick: boolean): Array<{ rows: number; dtype: DType; backend: "js" | "wasm"; warmup: number; steps: number }> {
  const backends: Array<"js" | "wasm"> = wasmKernels === null ? ["js"] : ["js", "wasm"];
  const cases = [];
  for (const rows of [1000, 32]) {
    for (const dtype of ["float32", "float64"] as const) {
      for (const backend of backends) {
        // The tape has more code for the JIT to warm up than the layers: a few untimed epochs
        // even in the quick run, so CI's figures are not the first steps'.
        const timing = rows === 32 ? (quick ? { warmup: 62, steps: 310 } : { warmup: 124, steps: 1240 }) : (quick ? { warmup: 10, steps: 20 } : { warmup: 20, steps: 100 });
        cases.push({ rows, dtype, backend, ...timing });
      }
    }
  }
  return cases;
}

/**
 * The cost of the tape: the seed MLP trained by the layers' hand-written backward and by
 * @nn/autograd, taking steps in turn (`lockstep`), from the same weights over the same batches,
 * so the two must end at the same loss.
 */
export function runAutogradCost(quick: boolean, clock: Clock): AutogradCostRow[] {
  const previous = kernels().name === "js" ? "js" : "wasm";
  const rows: AutogradCostRow[] = [];
  try {
    for (const c of autogradCostCases(quick)) {
      setBackend(c.backend);
      const spec = w1Spec(c.rows);
      const trainers = [nnTrainer(spec, c.dtype), nnAutogradTrainer(spec, c.dtype)];
      const [nnSeconds, agSeconds] = lockstep(trainers[0], trainers[1], { warmup: c.warmup, steps: c.steps, clock });
      const [nnLoss, agLoss] = trainers.map((t) => t.loss());
      const [, agreement] = checkAgreement(nnLoss, [{ name: "nn", value: nnLoss }, { name: "nn autograd", value: agLoss }], LOSS_TOLERANCE);
      rows.push({
        workload: `${spec.name} ${c.dtype} ${c.backend}`, dtype: c.dtype, backend: c.backend,
        nn: c.rows / nnSeconds, autograd: c.rows / agSeconds, cost: agSeconds / nnSeconds, agrees: agreement.ok,
      });
    }
  } finally {
    setBackend(previous);
  }
  return rows;
}

/** The table of `runAutogradCost`: one line per case, with the goal met (✓) or not (✗), unjudged (·) in a quick run. */
export function formatAutogradCost(rows: readonly AutogradCostRow[], quick = false): string {
  const header = ["autograd cost", "nn", "nn autograd", "autograd÷nn time", `goal ≤ ${AUTOGRAD_COST_GOAL}×`, "same result"];
  const cells = rows.map((r) => [
    r.workload, formatThroughput(r.nn), formatThroughput(r.autograd), `${r.cost.toFixed(2)}×`,
    goalMark(r.cost <= AUTOGRAD_COST_GOAL, quick), r.agrees ? "✓" : "✗",
  ]);
  return alignColumns(header, cells);
}

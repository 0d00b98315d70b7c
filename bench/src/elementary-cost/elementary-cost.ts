// What the same-bits guarantee costs: the seed network's training step with @nn/tensor's own
// elementary functions against the very same step with the engine's Math.* in their place.
import type { DType } from "@nn/tensor";
import { checkAgreement } from "../agreement.js";
import { type MlpSpec, initialWeights, w1Spec } from "../mlp-spec.js";
import { alignColumns, formatRatio, formatThroughput } from "../table.js";
import { goalMark } from "../targets.js";
import { type Clock, type InterleaveOptions, interleave } from "../timing.js";
import type { Trainer } from "../trainer.js";
import { LOSS_TOLERANCE } from "../workloads/training-workload.js";

/** What each of the two bundles exports (variant.ts). */
interface Variant {
  nnTrainer(spec: MlpSpec): Trainer;
  activationMixTrainer(spec: MlpSpec, dtype: DType): Trainer;
}

/** One row: seconds per step with each set of functions, and the slowdown the own ones cost. */
export interface ElementaryCostRow {
  readonly workload: string;
  readonly ownStepsPerSecond: number;
  readonly mathStepsPerSecond: number;
  /** Time per step with the own functions over time per step with Math.* (goal ≤ 2). */
  readonly slowdown: number;
  readonly ownLoss: number;
  readonly mathLoss: number;
  /** The two final losses agree within the bench's loss tolerance (last bits differ, nothing else). */
  readonly agrees: boolean;
}

/** Issue 16's goal: the own functions within 2× of Math.* on a training step. */
export const SLOWDOWN_GOAL = 2;

interface CostJob {
  readonly workload: string;
  make(variant: Variant): Trainer;
  readonly timing: InterleaveOptions;
}

function costJobs(quick: boolean): CostJob[] {
  const full = w1Spec(1000), mini = w1Spec(32);
  const sizes = [2, 64, 32, 16, 1];
  const mix: MlpSpec = { ...full, name: "issue 16 net", sizes, lr: 0.01, ...initialWeights(sizes, 4) };
  const fullTiming = quick ? { warmup: 3, rounds: 3, unitsPerSample: 3 } : { warmup: 10, rounds: 9, unitsPerSample: 10 };
  const miniTiming = quick ? { warmup: 31, rounds: 3, unitsPerSample: 10 } : { warmup: 62, rounds: 9, unitsPerSample: 62 };
  return [
    { workload: "W1 full batch", make: (v) => v.nnTrainer(full), timing: fullTiming },
    { workload: "W1 batch 32", make: (v) => v.nnTrainer(mini), timing: miniTiming },
    { workload: "issue 16 net float32", make: (v) => v.activationMixTrainer(mix, "float32"), timing: fullTiming },
    { workload: "issue 16 net float64", make: (v) => v.activationMixTrainer(mix, "float64"), timing: fullTiming },
  ];
}

async function loadVariant(name: "elementary-own" | "elementary-math"): Promise<Variant> {
  // Built next to run.js by tsup.config.ts; both bundle the library from source the same way.
  return (await import(new URL(`./elementary-cost/${name}.js`, import.meta.url).href)) as Variant;
}

/** Interleaves the two bundles on each job (same data, weights and steps) and returns the rows. */
export async function runElementaryCost(quick: boolean, clock: Clock): Promise<ElementaryCostRow[]> {
  const own = await loadVariant("elementary-own"), math = await loadVariant("elementary-math");
  const rows: ElementaryCostRow[] = [];
  for (const job of costJobs(quick)) {
    console.log(`elementary cost: ${job.workload} …`);
    const a = job.make(own), b = job.make(math);
    const trainers = [{ name: "own", run: () => a.run() }, { name: "Math.*", run: () => b.run() }];
    const [ownSeconds, mathSeconds] = await interleave(trainers, { ...job.timing, clock });
    const ownLoss = a.loss(), mathLoss = b.loss();
    const agrees = checkAgreement(ownLoss, [{ name: "Math.*", value: mathLoss }], LOSS_TOLERANCE)[0].ok;
    rows.push({ workload: job.workload, ownStepsPerSecond: 1 / ownSeconds, mathStepsPerSecond: 1 / mathSeconds, slowdown: ownSeconds / mathSeconds, ownLoss, mathLoss, agrees });
  }
  return rows;
}

/** The cost table, then one goal line per row (reported, never enforced; unjudged, "·", in a quick run). */
export function formatElementaryCost(rows: readonly ElementaryCostRow[], quick = false): string {
  const header = ["workload", "own steps/s", "Math.* steps/s", "own÷Math.* time", "same result"];
  const cells = rows.map((r) => [
    r.workload, formatThroughput(r.ownStepsPerSecond), formatThroughput(r.mathStepsPerSecond),
    formatRatio(r.slowdown, 1), r.agrees ? "✓" : `✗ ${r.ownLoss} vs ${r.mathLoss}`,
  ]);
  const goals = rows.map((r) => `${goalMark(r.slowdown <= SLOWDOWN_GOAL, quick)} ${r.workload}: own elementary functions ${formatRatio(r.slowdown, 1)} the time of Math.* (goal ≤ ${SLOWDOWN_GOAL}×)`);
  return [alignColumns(header, cells), "", ...goals].join("\n");
}

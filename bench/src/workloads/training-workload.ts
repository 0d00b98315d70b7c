import { checkAgreement } from "../agreement.js";
import { nnAutogradTrainer } from "../impl/nn-autograd-mlp.js";
import { nnTrainer } from "../impl/nn-mlp.js";
import { tfjsTrainer } from "../impl/tfjs-mlp.js";
import type { Tfjs } from "../impl/tfjs-loader.js";
import type { MlpSpec } from "../mlp-spec.js";
import type { ImplResult, WorkloadResult } from "../results.js";
import { type InterleaveOptions, interleave } from "../timing.js";

/** A training workload: what to train and how long to time it. */
export interface TrainingJob {
  readonly spec: MlpSpec;
  readonly timing: InterleaveOptions;
}

/**
 * Final losses agree to this relative difference: identical starts and updates leave only
 * float32 rounding (different summation orders), which stays around 1e-6 over these runs.
 */
export const LOSS_TOLERANCE = 1e-3;

/** Steps every implementation takes in a job: warm-up plus every timed sample. */
export function stepsOf(timing: InterleaveOptions): number {
  const units = typeof timing.unitsPerSample === "number" ? timing.unitsPerSample : Math.max(...timing.unitsPerSample);
  return timing.warmup + timing.rounds * units;
}

/** Interleaves nn, nn autograd, tfjs cpu and tfjs wasm on one spec; samples/s and the final-loss check. */
export async function runTrainingJob(tf: Tfjs, job: TrainingJob, extra: ReadonlyArray<{ impl: string; secondsPerStep: number; loss: number }> = []): Promise<WorkloadResult> {
  const trainers = [nnTrainer(job.spec), nnAutogradTrainer(job.spec), await tfjsTrainer(tf, "cpu", job.spec), await tfjsTrainer(tf, "wasm", job.spec)];
  const seconds = await interleave(trainers, job.timing);
  const losses: Array<{ name: string; value: number }> = [];
  for (const t of trainers) {
    await t.prepare?.();
    losses.push({ name: t.name, value: t.loss() });
  }
  const rows = job.spec.batches[0].rows;
  const all = [
    ...trainers.map((t, i) => ({ impl: t.name, secondsPerStep: seconds[i], loss: losses[i].value })),
    ...extra,
  ];
  const agreement = checkAgreement(losses[0].value, all.map((r) => ({ name: r.impl, value: r.loss })), LOSS_TOLERANCE);
  const results: ImplResult[] = all.map((r, i) => ({ impl: r.impl, value: rows / r.secondsPerStep, check: r.loss, agrees: agreement[i].ok }));
  return { workload: job.spec.name, unit: "samples/s", results };
}

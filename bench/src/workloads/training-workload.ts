import { checkAgreement } from "../agreement.js";
import { nnAutogradTrainer } from "../impl/nn-autograd-mlp.js";
import { nnTrainer } from "../impl/nn-mlp.js";
import { tfjsTrainer } from "../impl/tfjs-mlp.js";
import type { Tfjs } from "../impl/tfjs-loader.js";
import type { MlpSpec } from "../mlp-spec.js";
import type { ImplResult, WorkloadResult } from "../results.js";
import { type InterleaveOptions, interleave, warmUp } from "../timing.js";
import type { Trainer } from "../trainer.js";

/**
 * JIT warm-up of each implementation in a full run, on a throwaway copy. One second of CPU time
 * covers what V8 needs here: at mini-batch 32 nn's step reaches its steady time after about
 * 500 steps (0.1 s of stepping, plus the compilation itself on a background thread).
 */
export const WARMUP_SECONDS = 1;

/** A training workload: what to train and how long to time it. */
export interface TrainingJob {
  readonly spec: MlpSpec;
  readonly timing: InterleaveOptions & {
    /**
     * Seconds (of the job's clock) each implementation first trains a throwaway copy of itself,
     * so that its code is compiled before timing starts (see `warmUp`); the timed copy then takes
     * `warmup` steps of its own as before. 0 or absent: none.
     */
    readonly warmupSeconds?: number;
  };
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
  const makers: Array<() => Trainer | Promise<Trainer>> = [
    () => nnTrainer(job.spec), () => nnAutogradTrainer(job.spec), () => tfjsTrainer(tf, "cpu", job.spec), () => tfjsTrainer(tf, "wasm", job.spec),
  ];
  const warmupSeconds = job.timing.warmupSeconds ?? 0;
  if (warmupSeconds > 0) {
    for (const make of makers) {
      const copy = await make();
      await warmUp(copy, warmupSeconds, job.timing.clock);
      copy.dispose?.();
    }
  }
  const trainers: Trainer[] = [];
  for (const make of makers) trainers.push(await make());
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

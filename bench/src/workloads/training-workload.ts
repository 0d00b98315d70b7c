import { checkAgreement } from "../agreement.js";
import type { HostProcess } from "../isolated/host-process.js";
import type { MlpSpec } from "../mlp-spec.js";
import type { ImplResult, WorkloadResult } from "../results.js";
import { type InterleaveOptions, interleaveSamplers } from "../timing.js";

/**
 * JIT warm-up of each implementation in a full run, on the timed trainer itself (reset after). One second of CPU time
 * covers what V8 needs here: at mini-batch 32 nn's step reaches its steady time after about
 * 500 steps (0.1 s of stepping, plus the compilation itself on a background thread).
 */
export const WARMUP_SECONDS = 1;

/** A training workload: what to train and how long to time it. */
export interface TrainingJob {
  readonly spec: MlpSpec;
  readonly timing: InterleaveOptions & {
    /**
     * Seconds (of the job's clock) each implementation first trains, so that its code is compiled
     * before timing starts (see `warmUp`), before going back to the spec's weights
     * (`Trainer.reset`); it then takes `warmup` untimed steps as before. 0 or absent: none.
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

/**
 * Interleaves the implementations of one spec, each in its own process (`hosts`: nn, nn
 * autograd, tfjs cpu, tfjs wasm, NumPy), then asks each for its final loss: samples/s and the
 * final-loss check. Closes the hosts.
 */
export async function runTrainingJob(job: TrainingJob, hosts: readonly HostProcess[]): Promise<WorkloadResult> {
  try {
    const warmupSeconds = job.timing.warmupSeconds ?? 0;
    if (warmupSeconds > 0) for (const host of hosts) await host.warm(warmupSeconds);
    const seconds = await interleaveSamplers(hosts, job.timing);
    const losses: number[] = [];
    for (const host of hosts) losses.push(await host.loss());
    const rows = job.spec.batches[0].rows;
    const agreement = checkAgreement(losses[0], hosts.map((h, i) => ({ name: h.name, value: losses[i] })), LOSS_TOLERANCE);
    const results: ImplResult[] = hosts.map((h, i) => ({ impl: h.name, value: rows / seconds[i], check: losses[i], agrees: agreement[i].ok }));
    return { workload: job.spec.name, unit: "samples/s", results };
  } finally {
    await Promise.all(hosts.map((h) => h.close()));
  }
}

import { w1Spec } from "../mlp-spec.js";
import { type TrainingJob, WARMUP_SECONDS } from "./training-workload.js";

/** W1: the seed MLP on two moons, full batch (1000) and mini-batch 32 (31 batches per epoch). */
export function w1Jobs(quick: boolean): TrainingJob[] {
  return [
    { spec: w1Spec(1000), timing: quick ? { warmup: 3, rounds: 3, unitsPerSample: 3 } : { warmupSeconds: WARMUP_SECONDS, warmup: 10, rounds: 15, unitsPerSample: 10 } },
    { spec: w1Spec(32), timing: quick ? { warmup: 31, rounds: 3, unitsPerSample: 10 } : { warmupSeconds: WARMUP_SECONDS, warmup: 62, rounds: 15, unitsPerSample: 62 } },
  ];
}

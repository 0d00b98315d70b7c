import { w2Spec } from "../mlp-spec.js";
import { type TrainingJob, WARMUP_SECONDS } from "./training-workload.js";

/** W2: MLP 784→256→128→10, softmax cross-entropy, one SGD step per unit on a batch of 128. */
export function w2Jobs(quick: boolean): TrainingJob[] {
  return [{ spec: w2Spec(), timing: quick ? { warmup: 1, rounds: 3, unitsPerSample: 1 } : { warmupSeconds: WARMUP_SECONDS, warmup: 2, rounds: 11, unitsPerSample: 2 } }];
}

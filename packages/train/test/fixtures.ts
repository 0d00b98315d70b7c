import { type Dataset, StandardScaler, makeMoons, trainTestSplit } from "@nn/datasets";
import { Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { type Rng, Tensor, createRng, zeros } from "@nn/tensor";
import type { TrainBuffer, TrainParameter, TrainableModel } from "../src/index.js";

/** Two moons split 75/25 (stratified) and standardised with the training statistics. */
export function moons(n: number, seed: number): { train: Dataset; test: Dataset } {
  const split = trainTestSplit(makeMoons({ n, noise: 0.2, seed }), { testSize: 0.25, stratify: true, seed });
  const scaler = new StandardScaler().fit(split.train.x);
  return {
    train: { ...split.train, x: scaler.transform(split.train.x) },
    test: { ...split.test, x: scaler.transform(split.test.x) },
  };
}

/** inputs (default 2) → hidden → 1 with a sigmoid output. */
export function smallNet(seed: number, hidden = 8, inputs = 2): Sequential {
  const rng: Rng = createRng(seed);
  return new Sequential([new Dense(inputs, hidden, { rng }), new ReLU(), new Dense(hidden, 1, { rng }), new Sigmoid()]);
}

/** Copies of every parameter's values, to compare weights between runs. */
export function weights(model: TrainableModel): Float64Array[] {
  return model.parameters().map((p) => Float64Array.from(p.value.data));
}

/** sqrt(Σ g²) over every gradient element, computed here independently of the package. */
export function gradNormOf(params: readonly TrainParameter[]): number {
  let s = 0;
  for (const p of params) for (const g of p.grad.data) s += g * g;
  return Math.sqrt(s);
}

/**
 * A one-parameter "model" whose output is the parameter w repeated for every row, and whose
 * parameter is set by a ScriptedOptimizer: a way to craft exact loss sequences. It also keeps a
 * buffer (the number of train-mode forwards) so restoring buffers can be observed.
 */
export class ScriptedModel implements TrainableModel {
  readonly w: TrainParameter = { name: "layers.0.w", value: new Tensor(new Float64Array([0]), [1]), grad: zeros([1], "float64") };
  readonly calls: TrainBuffer = { name: "layers.0.calls", value: new Tensor(new Float64Array([0]), [1]) };
  /** When set, the train-mode forward with this call number (1-based) outputs NaN. */
  nanAtCall: number | undefined;

  forward(x: Tensor, mode: "train" | "eval" = "train"): Tensor {
    const n = x.shape[0];
    if (mode === "train") this.calls.value.data[0] += 1;
    const value = mode === "train" && this.calls.value.data[0] === this.nanAtCall ? NaN : this.w.value.data[0];
    return new Tensor(new Float64Array(n).fill(value), [n, 1]);
  }
  backward(dy: Tensor): Tensor {
    let s = 0;
    for (const v of dy.data) s += v;
    this.w.grad.data[0] += s;
    return zeros([dy.shape[0], 1], "float64");
  }
  parameters(): TrainParameter[] {
    return [this.w];
  }
  buffers(): TrainBuffer[] {
    return [this.calls];
  }
}

/** Each step() sets the model's w to the next value of the script (the lr is only recorded). */
export class ScriptedOptimizer {
  lr = 0.1;
  private next = 0;
  constructor(private readonly model: ScriptedModel, private readonly script: readonly number[]) {}
  step(): void {
    this.model.w.value.data[0] = this.script[this.next++];
  }
  zeroGrad(): void {
    this.model.w.grad.data[0] = 0;
  }
}

/** n rows of one feature (all zero) with regression targets 0, in float64. */
export function zeroRegression(n: number): { x: Tensor; y: Tensor } {
  return { x: zeros([n, 1], "float64"), y: zeros([n], "float64") };
}

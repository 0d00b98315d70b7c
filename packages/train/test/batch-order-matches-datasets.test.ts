// fit visits rows in the order @nn/datasets' batches gives for the same seed (one seeded batching
// in nn), and each batch's class labels follow its rows.
import { batches } from "@nn/datasets";
import { BinaryCrossEntropyLoss, Dense, type Layer } from "@nn/layers";
import { SGD } from "@nn/optim";
import { Tensor, zeros } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { fit } from "../src/index.js";

/** Rows 0..n−1 as one feature x = i, labelled i mod 2. */
function indexed(n: number) {
  return {
    x: new Tensor(Float32Array.from({ length: n }, (_, i) => i), [n, 1]),
    y: new Tensor(Float32Array.from({ length: n }, (_, i) => i % 2), [n]),
    numClasses: 2,
  };
}

/**
 * Records the x of every training forward and outputs p = x mod 2, the label itself, so a batch
 * scores accuracy 1 exactly when its labels are the ones of its rows. Its one parameter only keeps
 * the optimizer content (lr 0 leaves it alone).
 */
function recordingModel(seen: number[][]): Pick<Layer, "forward" | "backward" | "parameters"> {
  const anchor = new Dense(1, 1, { dtype: "float32" });
  return {
    forward(x, mode) {
      if (mode !== "eval") seen.push(Array.from(x.data));
      const p = zeros(x.shape, x.dtype);
      for (let i = 0; i < x.size; i++) p.data[i] = x.data[i] % 2 === 0 ? 0.1 : 0.9;
      return p;
    },
    backward: (dy) => zeros(dy.shape, dy.dtype),
    parameters: () => anchor.parameters(),
  };
}

describe("fit's batches are @nn/datasets' batches", () => {
  it.each([
    ["shuffled, short last batch", { batchSize: 7, shuffle: true, dropLast: false }],
    ["shuffled, dropLast", { batchSize: 7, shuffle: true, dropLast: true }],
    ["in order", { batchSize: 10, shuffle: false, dropLast: false }],
  ] as const)("%s: the same rows in the same order for the same seed, three epochs", (_label, o) => {
    const data = indexed(23), seen: number[][] = [];
    const model = recordingModel(seen);
    const history = fit(model, {
      loss: new BinaryCrossEntropyLoss(), optimizer: new SGD(model.parameters(), { lr: 0 }), train: data, epochs: 3, seed: 11,
      batchSize: o.batchSize, shuffle: o.shuffle, dropLast: o.dropLast, metrics: ["accuracy"],
    });
    const expected: number[][] = [];
    const epochs = batches(data, { batchSize: o.batchSize, shuffle: o.shuffle, seed: 11, dropLast: o.dropLast });
    for (let e = 0; e < 3; e++) for (const b of epochs) expected.push(Array.from(b.x.data));
    expect(seen).toEqual(expected);
    // shuffled epochs differ from each other (so the comparison above is not of three identical orders)
    if (o.shuffle) expect(seen.slice(0, 3)).not.toEqual(seen.slice(3, 6));
    for (const epoch of history.epochs) expect(epoch.train.accuracy).toBe(1);
  });
});

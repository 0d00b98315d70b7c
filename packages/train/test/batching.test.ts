import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type BatchEndEvent, type EpochEndEvent, evaluate, fit } from "../src/index.js";
import { moons, smallNet } from "./fixtures.js";

const { train, test } = moons(40, 19); // 30 training rows

function rows(from: number, to: number) {
  return {
    x: new Tensor(train.x.data.slice(2 * from, 2 * to), [to - from, 2]),
    y: new Tensor(train.y.data.slice(from, to), [to - from]),
  };
}

describe("batching", () => {
  it("without shuffling, batch k holds rows [12k, 12k + 12) in order", () => {
    const model = smallNet(4);
    const reference = smallNet(4);
    const seen: BatchEndEvent[] = [];
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0 }), train, epochs: 1, batchSize: 12, seed: 0,
      shuffle: false, callbacks: { onBatchEnd: (e) => seen.push(e) },
    });
    // lr 0 keeps the weights fixed, so each batch loss is the initial model's loss on those rows.
    const loss = new BinaryCrossEntropy();
    expect(seen.map((e) => e.loss)).toEqual([
      evaluate(reference, rows(0, 12), { loss }).loss, evaluate(reference, rows(12, 24), { loss }).loss, evaluate(reference, rows(24, 30), { loss }).loss,
    ]);
  });

  it("dropLast drops the short last batch", () => {
    const model = smallNet(4);
    const epochs: EpochEndEvent[] = [];
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 12, seed: 0,
      dropLast: true, callbacks: { onEpochEnd: (e) => epochs.push(e) },
    });
    expect(epochs[0]).toMatchObject({ batches: 2, samples: 24 });
  });

  it("batchSize Infinity (or ≥ n) is one full batch per epoch", () => {
    const model = smallNet(4);
    const epochs: EpochEndEvent[] = [];
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 2, batchSize: Infinity, seed: 0,
      callbacks: { onEpochEnd: (e) => epochs.push(e) },
    });
    expect(epochs.map((e) => [e.batches, e.samples])).toEqual([[1, 30], [1, 30]]);
  });

  it("early stopping on valAccuracy computes accuracy even when metrics do not list it, and maximises it", () => {
    const model = smallNet(4);
    const history = fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.5 }), train, validation: test, epochs: 40, batchSize: 10,
      seed: 0, metrics: ["loss"], earlyStopping: { monitor: "valAccuracy", patience: 3 },
    });
    const accuracies = history.epochs.map((e) => e.validation?.accuracy ?? NaN);
    expect(accuracies.every((a) => a >= 0 && a <= 1)).toBe(true);
    expect(history.bestEpoch).toBeDefined();
    // the best epoch is the first to reach the highest accuracy seen
    expect(history.bestEpoch).toBe(accuracies.indexOf(Math.max(...accuracies)) + 1);
  });
});

// fit with only what Keras asks for: loss, optimizer, data and epochs. The defaults are the
// documented ones (batch size 32, seed 0), "full" means one batch, and validationSplit holds out
// a seeded, stratified share of the training rows.
import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type BatchEndEvent, type EpochEndEvent, type FitOptions, fit } from "../src/index.js";
import { moons, smallNet, weights } from "./fixtures.js";

const { train } = moons(200, 3); // 150 training rows

function run(extra: Partial<FitOptions>, seed = 1) {
  const model = smallNet(seed);
  const batches: BatchEndEvent[] = [];
  const epochs: EpochEndEvent[] = [];
  const history = fit(model, {
    loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 2,
    callbacks: { onBatchEnd: (e) => batches.push(e), onEpochEnd: (e) => epochs.push(e) }, ...extra,
  });
  return { model, history, batches, epochs };
}

/** 70 rows of class 0 then 30 of class 1, one feature equal to the row number. */
function unbalanced(): { x: Tensor; y: Tensor } {
  const x = new Float32Array(100).map((_, i) => i / 100);
  const y = new Float32Array(100).map((_, i) => (i < 70 ? 0 : 1));
  return { x: new Tensor(x, [100, 1]), y: new Tensor(y, [100]) };
}

describe("fit defaults", () => {
  it("needs only loss, optimizer, train and epochs; batches of 32 (150 rows → 5 batches, the last of 22)", () => {
    const { batches, history } = run({});
    expect(history.epochs).toHaveLength(2);
    expect(batches.filter((b) => b.epoch === 1).map((b) => b.size)).toEqual([32, 32, 32, 32, 22]);
  });

  it("the default seed is 0: leaving seed and batchSize out is the same run as seed 0, batchSize 32", () => {
    const bare = run({});
    const explicit = run({ seed: 0, batchSize: 32 });
    const otherSeed = run({ seed: 1, batchSize: 32 });
    expect(weights(bare.model)).toEqual(weights(explicit.model));
    expect(weights(bare.model)).not.toEqual(weights(otherSeed.model));
  });

  it('batchSize "full" is one batch of every row, the same run as batchSize Infinity', () => {
    const full = run({ batchSize: "full" });
    expect(full.batches.map((b) => b.size)).toEqual([150, 150]);
    expect(weights(full.model)).toEqual(weights(run({ batchSize: Infinity }).model));
  });

  it('refuses a batch size that is neither a whole number nor "full"', () => {
    expect(() => run({ batchSize: "half" as "full" })).toThrow('fit: batchSize must be an integer ≥ 1 or "full", got "half"');
    expect(() => run({ batchSize: 0 })).toThrow('fit: batchSize must be an integer ≥ 1 or "full", got 0');
  });
});

describe("fit validationSplit", () => {
  it("holds out ceil(fraction · n) rows, stratified: 20% of 70 + 30 rows is 14 + 6", () => {
    const data = unbalanced();
    const net = smallNet(2, 8, 1);
    const seen: EpochEndEvent[] = [];
    fit(net, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(net.parameters(), { lr: 0.1 }), train: data, epochs: 1,
      validationSplit: 0.2, metrics: ["confusionMatrix"], callbacks: { onEpochEnd: (e) => seen.push(e) },
    });
    const [e] = seen;
    expect(e.samples).toBe(80);
    const matrix = e.validation?.confusionMatrix ?? [];
    expect(matrix.map((row) => row[0] + row[1])).toEqual([14, 6]);
    const trainMatrix = e.train.confusionMatrix ?? [];
    expect(trainMatrix.map((row) => row[0] + row[1])).toEqual([56, 24]);
  });

  it("is seeded: the same seed holds out the same rows, another seed other rows", () => {
    const validationLoss = (seed: number) => run({ validationSplit: 0.25, seed, batchSize: "full" }, 5).history.epochs[0].validation?.loss;
    expect(validationLoss(4)).toBe(validationLoss(4));
    expect(validationLoss(4)).not.toBe(validationLoss(9));
  });

  it("refuses fractions outside (0, 1), a split that leaves nothing to train, and validation given too", () => {
    expect(() => run({ validationSplit: 1 })).toThrow("fit: validationSplit must be a fraction in (0, 1), got 1");
    expect(() => run({ validationSplit: 0 })).toThrow("fit: validationSplit must be a fraction in (0, 1), got 0");
    expect(() => run({ validationSplit: 0.2, validation: train })).toThrow("fit: give either validation or validationSplit, not both");
    const one = { x: new Tensor(new Float32Array([0, 1]), [1, 2]), y: new Tensor(new Float32Array([1]), [1]) };
    expect(() => run({ validationSplit: 0.5, train: one })).toThrow("fit: validationSplit 0.5 of 1 training row leaves none to train on");
  });
});

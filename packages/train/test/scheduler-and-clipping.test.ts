import { BinaryCrossEntropy } from "@nn/layers";
import { ReduceLROnPlateau, SGD, StepLR } from "@nn/optim";
import { describe, expect, it } from "vitest";
import { type BatchEndEvent, type EpochEndEvent, fit } from "../src/index.js";
import { gradNormOf, moons, smallNet, weights } from "./fixtures.js";

const { train, test } = moons(48, 7); // 36 training rows

describe("learning-rate schedulers", () => {
  it("StepLR stepped per epoch (default): the lr in onEpochEnd is 0.1·0.5^floor((epoch−1)/2)", () => {
    const model = smallNet(1);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const epochs: EpochEndEvent[] = [];
    const batches: BatchEndEvent[] = [];
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer, scheduler: new StepLR(optimizer, { stepSize: 2, gamma: 0.5 }), train,
      epochs: 5, batchSize: 12, seed: 0, callbacks: { onEpochEnd: (e) => epochs.push(e), onBatchEnd: (e) => batches.push(e) },
    });
    expect(epochs.map((e) => e.lr)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    // every batch of an epoch used the epoch's rate
    expect(batches.map((b) => b.lr)).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025]);
    expect(optimizer.lr).toBe(0.025); // after five steps: 0.1·0.5^floor(5/2)
  });

  it("StepLR stepped per batch with schedulerStep: 'batch'", () => {
    const model = smallNet(1);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const batches: BatchEndEvent[] = [];
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer, scheduler: new StepLR(optimizer, { stepSize: 2, gamma: 0.5 }), schedulerStep: "batch",
      train, epochs: 2, batchSize: 12, seed: 0, callbacks: { onBatchEnd: (e) => batches.push(e) },
    });
    expect(batches.map((b) => b.lr)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
  });

  it("ReduceLROnPlateau is stepped with the validation loss (the training loss without validation)", () => {
    class Recording extends ReduceLROnPlateau {
      readonly seen: number[] = [];
      override step(metric: number): void {
        this.seen.push(metric);
        super.step(metric);
      }
    }
    const model = smallNet(2);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const withValidation = new Recording(optimizer);
    const history = fit(model, {
      loss: new BinaryCrossEntropy(), optimizer, scheduler: withValidation, train, validation: test, epochs: 3, batchSize: 12, seed: 0,
    });
    expect(withValidation.seen).toEqual(history.epochs.map((e) => e.validation?.loss));

    const model2 = smallNet(2);
    const optimizer2 = new SGD(model2.parameters(), { lr: 0.1 });
    const withoutValidation = new Recording(optimizer2);
    const history2 = fit(model2, {
      loss: new BinaryCrossEntropy(), optimizer: optimizer2, scheduler: withoutValidation, train, epochs: 3, batchSize: 12, seed: 0,
    });
    expect(withoutValidation.seen).toEqual(history2.epochs.map((e) => e.train.loss));
  });
});

describe("gradient clipping", () => {
  it("reports the norm before clipping and updates with gradients clipped to the limit", () => {
    const maxNorm = 0.01;
    const clippedModel = smallNet(3);
    const before = weights(clippedModel);
    const seen: Array<{ event: BatchEndEvent; after: number }> = [];
    fit(clippedModel, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(clippedModel.parameters(), { lr: 0.5 }), train, epochs: 1, batchSize: 36, seed: 0,
      clipGradNorm: maxNorm,
      callbacks: { onBatchEnd: (event) => seen.push({ event, after: gradNormOf(clippedModel.parameters()) }) },
    });

    // The same first batch without clipping gives the unclipped norm.
    const freeModel = smallNet(3);
    let unclipped = NaN;
    fit(freeModel, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(freeModel.parameters(), { lr: 0.5 }), train, epochs: 1, batchSize: 36, seed: 0,
      callbacks: { onBatchEnd: (e) => (unclipped = e.gradNorm) },
    });

    const { event, after } = seen[0];
    expect(unclipped).toBeGreaterThan(maxNorm); // the test only means something if clipping had work to do
    expect(event.gradNorm).toBeCloseTo(unclipped, 12);
    expect(event.clipped).toBe(true);
    // torch's rule scales by maxNorm/(norm + 1e-6): the clipped norm is just under the limit.
    expect(after).toBeLessThanOrEqual(maxNorm);
    expect(after).toBeCloseTo(maxNorm, 6);
    // SGD moved the weights by lr × the clipped gradient: ‖Δw‖ = 0.5 · 0.01.
    const moved = weights(clippedModel).flatMap((w, i) => Array.from(w, (v, j) => v - before[i][j]));
    expect(Math.hypot(...moved)).toBeCloseTo(0.5 * maxNorm, 6);
  });

  it("refuses a non-positive limit", () => {
    const model = smallNet(3);
    expect(() =>
      fit(model, { loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 8, seed: 0, clipGradNorm: 0 }),
    ).toThrow("fit: clipGradNorm must be > 0, got 0");
  });
});

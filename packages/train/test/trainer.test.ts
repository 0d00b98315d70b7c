import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { describe, expect, it } from "vitest";
import { type FitOptions, type TrainEndEvent, createTrainer, fit, fitAsync } from "../src/index.js";
import { moons, smallNet, weights } from "./fixtures.js";

const { train, test } = moons(40, 13); // 30 rows, batches of 10 → 3 per epoch

function options(model: ReturnType<typeof smallNet>, extra: Partial<FitOptions> = {}): FitOptions {
  return {
    loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, validation: test,
    epochs: 4, batchSize: 10, seed: 2, ...extra,
  };
}

describe("createTrainer: training one step at a time", () => {
  it("runBatch / runEpoch reach the same History and weights as fit", () => {
    const a = smallNet(6);
    const viaFit = fit(a, options(a));
    const b = smallNet(6);
    const trainer = createTrainer(b, options(b));
    expect(trainer.batchesPerEpoch).toBe(3);
    const first = trainer.runBatch();
    expect(first).toMatchObject({ epoch: 1, batch: 1, step: 1 });
    expect([trainer.epoch, trainer.batch, trainer.step]).toEqual([0, 1, 1]);
    const epoch1 = trainer.runEpoch(); // the rest of epoch 1
    expect(epoch1?.epoch).toBe(1);
    expect([trainer.epoch, trainer.batch, trainer.step]).toEqual([1, 0, 3]);
    expect(trainer.runEpoch()?.epoch).toBe(2);
    while (trainer.runBatch() !== undefined);
    expect(trainer.done).toBe(true);
    expect(JSON.stringify(trainer.history)).toBe(JSON.stringify(viaFit));
    expect(weights(b)).toEqual(weights(a));
    expect(trainer.runBatch()).toBeUndefined();
    expect(trainer.runEpoch()).toBeUndefined();
  });

  it("a learning rate set between batches is used from the next batch", () => {
    const model = smallNet(6);
    const trainer = createTrainer(model, options(model));
    expect(trainer.runBatch()?.lr).toBe(0.1);
    trainer.lr = 0.02;
    expect(trainer.runBatch()?.lr).toBe(0.02);
    expect(trainer.runEpoch()?.lr).toBe(0.1); // epoch 1 began at 0.1
    expect(trainer.runEpoch()?.lr).toBe(0.02);
  });

  it("finish() ends early once, firing onTrainEnd a single time", () => {
    const model = smallNet(6);
    const ends: TrainEndEvent[] = [];
    const trainer = createTrainer(model, options(model, { callbacks: { onTrainEnd: (e) => ends.push(e) } }));
    trainer.runEpoch();
    trainer.runBatch();
    const history = trainer.finish();
    expect(history.stopped).toBe("aborted");
    expect(history.epochs).toHaveLength(1);
    expect(trainer.finish()).toBe(history);
    expect(trainer.done).toBe(true);
    expect(ends).toHaveLength(1);
    expect(ends[0].epochs).toBe(1);
  });

  it("runAsync / fitAsync yield to the event loop between batches and give fit's result", async () => {
    const a = smallNet(6);
    const viaFit = fit(a, options(a));
    const b = smallNet(6);
    let batches = 0;
    let batchesWhenTimerRan = -1;
    setTimeout(() => (batchesWhenTimerRan = batches), 0);
    const history = await fitAsync(b, options(b, { callbacks: { onBatchEnd: () => batches++ } }), { yieldEvery: 2 });
    expect(batchesWhenTimerRan).toBeGreaterThan(0); // the timer ran while training was in progress
    expect(batchesWhenTimerRan).toBeLessThan(12);
    expect(JSON.stringify(history)).toBe(JSON.stringify(viaFit));
    expect(weights(b)).toEqual(weights(a));
  });

  it("refuses a yieldEvery that is not a positive integer", async () => {
    const model = smallNet(6);
    await expect(createTrainer(model, options(model)).runAsync({ yieldEvery: 0 })).rejects.toThrow("runAsync: yieldEvery must be an integer ≥ 1, got 0");
  });
});

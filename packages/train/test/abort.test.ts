import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { describe, expect, it } from "vitest";
import { type BatchEndEvent, type TrainEndEvent, createTrainer, fit } from "../src/index.js";
import { moons, smallNet, weights } from "./fixtures.js";

const { train } = moons(40, 11); // 30 rows: batches of 10 → 3 per epoch

describe("AbortSignal", () => {
  it("stops between batches and returns the History with stopped: 'aborted'", () => {
    const controller = new AbortController();
    const model = smallNet(5);
    const batches: BatchEndEvent[] = [];
    let end: TrainEndEvent | undefined;
    const history = fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 10, batchSize: 10, seed: 4,
      signal: controller.signal,
      callbacks: {
        onBatchEnd: (e) => {
          batches.push(e);
          if (e.epoch === 2 && e.batch === 2) controller.abort(); // as Ctrl-C would, mid-epoch
        },
        onTrainEnd: (e) => (end = e),
      },
    });
    expect(history.stopped).toBe("aborted");
    expect(batches.map((b) => `${b.epoch}.${b.batch}`)).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2"]);
    expect(history.epochs).toHaveLength(1); // the interrupted epoch has no record
    expect(end?.stopped).toBe("aborted");
    expect(end?.epochs).toBe(1);

    // The model holds exactly the weights after five updates: the same as stepping a trainer five times.
    const reference = smallNet(5);
    const trainer = createTrainer(reference, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(reference.parameters(), { lr: 0.1 }), train, epochs: 10, batchSize: 10, seed: 4,
    });
    for (let i = 0; i < 5; i++) trainer.runBatch();
    expect(weights(model)).toEqual(weights(reference));
  });

  it("an already aborted signal trains nothing", () => {
    const controller = new AbortController();
    controller.abort();
    const model = smallNet(5);
    const before = weights(model);
    let batches = 0;
    const history = fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 3, batchSize: 10, seed: 4,
      signal: controller.signal, callbacks: { onBatchEnd: () => batches++ },
    });
    expect(history).toEqual({ epochs: [], stopped: "aborted", restoredBestWeights: false });
    expect(batches).toBe(0);
    expect(weights(model)).toEqual(before);
  });
});

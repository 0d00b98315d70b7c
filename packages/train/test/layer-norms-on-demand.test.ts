import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import type { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type TrainParameter, type TrainableModel, createTrainer, fit } from "../src/index.js";
import { moons, smallNet } from "./fixtures.js";

/**
 * smallNet seen through parameters that count reads of `value`: the optimizer reads each value
 * once per step, and the per-layer weight norms read each once more when they are computed.
 * `backwardToParameters` is left out or kept, to see which backward fit calls.
 */
function countingModel(withBackwardToParameters: boolean): { model: TrainableModel; reads: () => number; calls: string[] } {
  const net = smallNet(3);
  let reads = 0;
  const calls: string[] = [];
  const params: TrainParameter[] = net.parameters().map((p) => ({
    name: p.name,
    get value(): Tensor {
      reads++;
      return p.value;
    },
    get grad(): Tensor {
      return p.grad;
    },
  }));
  const model: TrainableModel = {
    forward: (x, mode) => net.forward(x, mode),
    backward: (dy) => {
      calls.push("backward");
      return net.backward(dy);
    },
    parameters: () => params,
  };
  if (withBackwardToParameters) {
    model.backwardToParameters = (dy) => {
      calls.push("backwardToParameters");
      net.backwardToParameters(dy);
    };
  }
  return { model, reads: () => reads, calls };
}

describe("fit computes per-layer norms only when someone can read them", () => {
  const { train } = moons(80, 1); // 60 training rows: batches of 20, 3 per epoch
  const run = (callbacks: boolean): number => {
    const { model, reads } = countingModel(true);
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 2, batchSize: 20, seed: 0,
      ...(callbacks ? { callbacks: { onBatchEnd: () => undefined } } : {}),
    });
    return reads();
  };

  it("without a batch callback the weights are read for the norms once per epoch (the record's), not per batch", () => {
    const params = 4; // two Dense layers: weight and bias each
    const quiet = run(false), watched = run(true);
    // 6 batches; the epoch's last batch computes norms either way, the other 4 only when watched
    expect(watched - quiet).toBe(4 * params);
  });

  it("every batch returned by runBatch() carries its layer norms, as before", () => {
    const { model } = countingModel(true);
    const trainer = createTrainer(model, { loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 20, seed: 0 });
    for (let b = 0; b < 3; b++) expect(trainer.runBatch()?.layers?.map((l) => l.name)).toEqual(["layers.0", "layers.2"]);
  });

  it("fit trains through backwardToParameters when the model has it (the data needs no gradient), else backward", () => {
    for (const has of [true, false]) {
      const { model, calls } = countingModel(has);
      fit(model, { loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 20, seed: 0 });
      expect(calls).toEqual(new Array<string>(3).fill(has ? "backwardToParameters" : "backward"));
    }
  });
});

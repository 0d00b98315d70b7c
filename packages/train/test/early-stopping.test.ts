import { MSELoss } from "@nn/layers";
import { describe, expect, it } from "vitest";
import { type EpochEndEvent, fit } from "../src/index.js";
import { ScriptedModel, ScriptedOptimizer, zeroRegression } from "./fixtures.js";

/**
 * The scripted model outputs w for every row and the targets are 0, so MSE = w². Training is one
 * full batch per epoch; after epoch e's update w = script[e-1], so epoch e's validation loss is
 * script[e-1]² (and its training loss the square of the w before the update).
 */
function run(script: number[], earlyStopping: Parameters<typeof fit>[1]["earlyStopping"], epochs = script.length) {
  const model = new ScriptedModel();
  model.w.value.data[0] = 5;
  const epochsSeen: EpochEndEvent[] = [];
  const history = fit(model, {
    loss: new MSELoss(), optimizer: new ScriptedOptimizer(model, script), train: zeroRegression(4), validation: zeroRegression(2),
    epochs, batchSize: 4, seed: 0, earlyStopping, callbacks: { onEpochEnd: (e) => epochsSeen.push(e) },
  });
  return { model, history, epochsSeen };
}

describe("early stopping on a crafted validation sequence", () => {
  // w after each epoch: 3, 2, 1, 1.5, 1.2, 0.5 → val loss 9, 4, 1, 2.25, 1.44, 0.25.
  const script = [3, 2, 1, 1.5, 1.2, 0.5];

  it("stops after `patience` epochs without improvement and restores the best weights and buffers", () => {
    const { model, history, epochsSeen } = run(script, { patience: 2, restoreBestWeights: true });
    // best at epoch 3 (1); epochs 4 (2.25) and 5 (1.44) do not improve → stop after epoch 5.
    expect(history.epochs.map((e) => e.validation?.loss)).toEqual([9, 4, 1, 2.25, 1.44]);
    expect(history.stopped).toBe("early-stopping");
    expect(history.bestEpoch).toBe(3);
    expect(history.restoredBestWeights).toBe(true);
    expect(model.w.value.data[0]).toBe(1);
    // The buffer counts train-mode forwards: 3 at the end of epoch 3, 5 before restoring.
    expect(model.calls.value.data[0]).toBe(3);
    expect(epochsSeen.map((e) => e.best)).toEqual([
      { epoch: 1, value: 9 }, { epoch: 2, value: 4 }, { epoch: 3, value: 1 }, { epoch: 3, value: 1 }, { epoch: 3, value: 1 },
    ]);
  });

  it("without restoreBestWeights keeps the last weights", () => {
    const { model, history } = run(script, { patience: 2 });
    expect(history.bestEpoch).toBe(3);
    expect(history.restoredBestWeights).toBe(false);
    expect(model.w.value.data[0]).toBe(1.2);
  });

  it("patience long enough lets training complete, and restores the best epoch at the end", () => {
    const { model, history } = run([3, 2, 1, 1.5, 1.2, 1.1], { patience: 5, restoreBestWeights: true });
    expect(history.stopped).toBe("completed");
    expect(history.epochs).toHaveLength(6);
    expect(history.bestEpoch).toBe(3);
    expect(model.w.value.data[0]).toBe(1);
  });

  it("minDelta: an improvement must exceed it (4 → 3.61 is not an improvement of more than 0.5)", () => {
    // val loss 4, 3.61, 3.24, 1
    const withDelta = run([2, 1.9, 1.8, 1], { patience: 1, minDelta: 0.5 });
    expect(withDelta.history.epochs).toHaveLength(2);
    expect(withDelta.history.bestEpoch).toBe(1);
    const without = run([2, 1.9, 1.8, 1], { patience: 1 });
    expect(without.history.stopped).toBe("completed");
    expect(without.history.bestEpoch).toBe(4);
  });

  it("mode max follows a rising value", () => {
    // val loss 1, 4, 9, 2.25 with mode max: best 9 at epoch 3, epoch 4 does not improve.
    const { history } = run([1, 2, 3, 1.5, 4], { monitor: "valLoss", mode: "max", patience: 1 });
    expect(history.epochs).toHaveLength(4);
    expect(history.bestEpoch).toBe(3);
  });

  it("monitors the training loss when asked (default without validation data)", () => {
    // training loss of epoch e is the square of w before its update: 25, 9, 4, 1, 2.25
    const model = new ScriptedModel();
    model.w.value.data[0] = 5;
    const history = fit(model, {
      loss: new MSELoss(), optimizer: new ScriptedOptimizer(model, [3, 2, 1, 1.5, 1.2]), train: zeroRegression(4),
      epochs: 5, batchSize: 4, seed: 0, earlyStopping: { patience: 1 },
    });
    expect(history.epochs.map((e) => e.train.loss)).toEqual([25, 9, 4, 1, 2.25]);
    expect(history.bestEpoch).toBe(4);
    expect(history.stopped).toBe("early-stopping");
  });

  it("refuses a validation monitor without validation data", () => {
    const model = new ScriptedModel();
    expect(() =>
      fit(model, {
        loss: new MSELoss(), optimizer: new ScriptedOptimizer(model, [1]), train: zeroRegression(4), epochs: 1, batchSize: 4, seed: 0,
        earlyStopping: { monitor: "valLoss" },
      }),
    ).toThrow('earlyStopping.monitor "valLoss" needs validation data: pass fit({ validation })');
  });
});

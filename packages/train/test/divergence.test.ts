import { Dense, MSELoss, ReLU, Sequential } from "@nn/layers";
import { SGD } from "@nn/optim";
import { Tensor, createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type BatchEndEvent, TrainingDivergedError, fit } from "../src/index.js";
import { ScriptedModel, ScriptedOptimizer, moons, zeroRegression } from "./fixtures.js";

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected training to throw");
}

describe("a non-finite loss or gradient stops training", () => {
  it("names the exact epoch and batch where the model first produced NaN", () => {
    // 6 rows in batches of 2 → 3 batches per epoch; the 5th train-mode forward is epoch 2, batch 2.
    const model = new ScriptedModel();
    model.nanAtCall = 5;
    const seen: BatchEndEvent[] = [];
    const error = catchError(() =>
      fit(model, {
        loss: new MSELoss(), optimizer: new ScriptedOptimizer(model, [1, 1, 1, 1, 1, 1, 1, 1, 1]), train: zeroRegression(6),
        epochs: 3, batchSize: 2, seed: 0, callbacks: { onBatchEnd: (e) => seen.push(e) },
      }),
    );
    expect(error).toBeInstanceOf(TrainingDivergedError);
    const e = error as TrainingDivergedError;
    expect({ epoch: e.epoch, batch: e.batch, step: e.step, quantity: e.quantity }).toEqual({ epoch: 2, batch: 2, step: 5, quantity: "model output" });
    expect(e.message).toMatch(/^Training diverged at epoch 2, batch 2 \(step 5\): the model output contains NaN\. Likely causes: \(1\) the learning rate is too high \(lr = 0\.1\)/);
    expect(seen).toHaveLength(4);
  });

  // Regression with MSE is where gradient descent visibly diverges: each step multiplies the error
  // by about |1 − lr·λ| (λ an eigenvalue of xᵀx/n), so lr 1e6 or inputs ×1e6 overflow float32 within a
  // few steps. (A sigmoid + BCE classifier saturates instead: its loss is clamped and stays finite.)
  function linearTarget(scale: number) {
    const { train } = moons(200, 1);
    const x = new Tensor(train.x.data.map((v) => v * scale), train.x.shape);
    const y = new Tensor(new Float32Array(150).map((_, i) => train.x.data[2 * i] - 2 * train.x.data[2 * i + 1]), [150]);
    return { x, y };
  }
  function regressionNet() {
    const rng = createRng(9);
    return new Sequential([new Dense(2, 8, { rng }), new ReLU(), new Dense(8, 1, { rng })]);
  }

  it("lr 1e6 diverges with an error naming the batch after the last completed one and blaming the learning rate", () => {
    const model = regressionNet();
    let last: BatchEndEvent | undefined;
    const error = catchError(() =>
      fit(model, {
        loss: new MSELoss(), optimizer: new SGD(model.parameters(), { lr: 1e6 }), train: linearTarget(1), epochs: 100, batchSize: 50, seed: 0,
        callbacks: { onBatchEnd: (e) => (last = e) },
      }),
    ) as TrainingDivergedError;
    expect(error).toBeInstanceOf(TrainingDivergedError);
    // 150 rows / 50 = 3 batches per epoch: the failing batch follows the last one reported.
    expect(last).toBeDefined();
    const { epoch, batch } = last as BatchEndEvent;
    const expected = batch === 3 ? { epoch: epoch + 1, batch: 1 } : { epoch, batch: batch + 1 };
    expect({ epoch: error.epoch, batch: error.batch }).toEqual(expected);
    expect(error.message).toContain(`Training diverged at epoch ${expected.epoch}, batch ${expected.batch}`);
    expect(error.suggestions[0]).toBe("the learning rate is too high (lr = 1000000): try one 10× smaller");
    expect(error.message).not.toContain("not scaled"); // the inputs are standardised
  });

  it("unscaled inputs (×1e6) are named as the first likely cause", () => {
    const model = regressionNet();
    const error = catchError(() =>
      fit(model, { loss: new MSELoss(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train: linearTarget(1e6), epochs: 100, batchSize: 150, seed: 0 }),
    ) as TrainingDivergedError;
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect(error.message).toMatch(/^Training diverged at epoch \d+, batch 1 \(step \d+\)/);
    expect(error.suggestions[0]).toMatch(/^the inputs are not scaled \(largest \|x\| is \d\.\de\+6\): standardise them/);
    expect(error.suggestions).toContain("the learning rate is too high (lr = 0.1): try one 10× smaller");
  });

  it("the model keeps the last finite weights (nothing is updated from a NaN)", () => {
    const model = new ScriptedModel();
    model.nanAtCall = 2;
    expect(() =>
      fit(model, { loss: new MSELoss(), optimizer: new ScriptedOptimizer(model, [7, 8, 9]), train: zeroRegression(2), epochs: 5, batchSize: 2, seed: 0 }),
    ).toThrow(TrainingDivergedError);
    expect(model.w.value.data[0]).toBe(7); // one update happened; the diverged second one did not
  });
});

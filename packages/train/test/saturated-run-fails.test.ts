// Issue 19 item 5: `nn train --lr 1e6` sat at loss 50 with gradient norm 0 from epoch 2 and
// finished "successfully" with a model that answers class 0 for everything. fit now stops such a
// run with a TrainingSaturatedError, and never for a run that learns.
import { BinaryCrossEntropy, Dense, type Layer, ReLU, Sequential, Sigmoid, Tanh } from "@nn/layers";
import { Adam, SGD } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type FitOptions, TrainingDivergedError, TrainingSaturatedError, fit } from "../src/index.js";
import { moons } from "./fixtures.js";

/** The CLI's default network: 2 → 64 → 32 → 1, He-normal init, a sigmoid output trained with BCE. */
function cliNet(seed: number, activation: () => Layer = () => new ReLU()): Sequential {
  const rng = createRng(seed);
  return new Sequential([new Dense(2, 64, { rng }), activation(), new Dense(64, 32, { rng }), activation(), new Dense(32, 1, { rng }), new Sigmoid()]);
}

interface Setting { lr: number; adam?: boolean; batchSize?: number | "full"; tanh?: boolean; clip?: number }

function train(s: Setting, epochs = 60, extra: Partial<FitOptions> = {}) {
  const { train: data, test } = moons(400, 1);
  const model = cliNet(1, s.tanh === true ? () => new Tanh() : undefined);
  const optimizer = s.adam === true ? new Adam(model.parameters(), { lr: s.lr }) : new SGD(model.parameters(), { lr: s.lr });
  return () => fit(model, {
    loss: new BinaryCrossEntropy(), optimizer, train: data, validation: test, epochs, batchSize: s.batchSize ?? "full", seed: 1,
    ...(s.clip !== undefined ? { clipGradNorm: s.clip } : {}), ...extra,
  });
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("saturated-run-reported-as-failed", () => {
  it.each<[string, Setting]>([
    ["lr 10", { lr: 10 }],
    ["lr 100", { lr: 100 }],
    ["lr 1e4", { lr: 1e4 }],
    ["lr 1e6", { lr: 1e6 }],
    ["Adam lr 10", { lr: 10, adam: true }],
    ["batch 32, lr 1e6", { lr: 1e6, batchSize: 32 }],
    ["tanh, lr 1e6", { lr: 1e6, tanh: true }],
    ["clip 1, lr 1e6", { lr: 1e6, clip: 1 }],
  ])("%s stops with TrainingSaturatedError, naming epoch, batch and the learning rate", (_name, setting) => {
    const error = thrown(train(setting));
    expect(error).toBeInstanceOf(TrainingSaturatedError);
    const e = error as TrainingSaturatedError;
    // The first epoch or two still move; then five saturated epochs in a row stop the run.
    expect(e.epoch).toBeGreaterThanOrEqual(6);
    expect(e.epoch).toBeLessThanOrEqual(8);
    expect(e.history.epochs).toHaveLength(e.epoch);
    expect(e.batch).toBe(setting.batchSize === 32 ? Math.ceil(300 / 32) : 1);
    // Balanced moons: the largest class holds half the rows and the class shares' entropy is ln 2.
    expect(e.chance).toBeCloseTo(0.5, 12);
    expect(e.priorLoss).toBeCloseTo(Math.LN2, 12);
    expect(!(e.accuracy <= 0.5 + 1e-9)).toBe(false);
    expect(!(e.loss >= 2 * Math.LN2)).toBe(false);
    expect(e.causes[0]).toEqual({ kind: "learning-rate", lr: setting.lr, suggested: Math.min(setting.lr / 100, 0.1) });
    expect(e.causes.some((c) => c.kind === "no-clipping")).toBe(setting.clip === undefined);
    expect(e.message).toMatch(/^Training stopped at epoch [678], batch \d+ \(step \d+\): the model is saturated and not learning\. For 5 epochs the loss stayed near /);
    expect(e.message).toContain(`the learning rate is too high (lr = ${setting.lr}): try ${Math.min(setting.lr / 100, 0.1)} or lower`);
  });

  it("detectSaturation: false lets the run finish, at chance level (what the detector saves a user from)", () => {
    const history = train({ lr: 1e6 }, 8, { detectSaturation: false })();
    expect(history.stopped).toBe("completed");
    expect(history.epochs.at(-1)?.train.accuracy).toBe(0.5);
    expect(history.epochs.at(-1)?.gradNorm).toBe(0);
  });

  it.each<[string, Setting]>([
    ["the seed run (SGD lr 0.1)", { lr: 0.1 }],
    ["SGD lr 1", { lr: 1 }],
    ["Adam lr 0.01, batch 32", { lr: 0.01, adam: true, batchSize: 32 }],
    ["tanh, SGD lr 0.3", { lr: 0.3, tanh: true }],
    ["SGD lr 0.001 (slow, but not saturated)", { lr: 0.001 }],
  ])("does not fire on a healthy run: %s", (_name, setting) => {
    const history = train(setting, 60)();
    expect(history.stopped).toBe("completed");
    expect(history.epochs).toHaveLength(60);
  });
});

describe("lr-1e30-names-epoch-batch-and-cause (was: BinaryCrossEntropy's 'pass logits to BCEWithLogits')", () => {
  it("a validation output that turned NaN after the epoch's update is a divergence at that epoch's last batch", () => {
    const error = thrown(train({ lr: 1e30 }, 5));
    expect(error).toBeInstanceOf(TrainingDivergedError);
    const e = error as TrainingDivergedError;
    expect({ epoch: e.epoch, batch: e.batch, quantity: e.quantity }).toEqual({ epoch: 1, batch: 1, quantity: "validation output" });
    expect(e.message).toMatch(/^Training diverged at epoch 1, batch 1 \(step \d\): the validation output contains NaN\. Likely causes: \(1\) the learning rate is too high \(lr = 1e\+30\): try one 10× smaller/);
    expect(e.causes).toContainEqual({ kind: "no-clipping" });
  });
});

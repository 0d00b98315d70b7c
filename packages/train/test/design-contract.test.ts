// Calls the @nn/train API exactly as docs/api.md (its @nn/train section) writes it: fit(model, { loss,
// optimizer, train, validation, epochs, batchSize, seed, metrics, scheduler, clipGradNorm,
// earlyStopping, callbacks, signal }) → History, evaluate(model, ds, { loss, metrics }),
// predict(model, x), the three callbacks, and the non-finite-loss error.
import { undocumentedExports } from "../../../test-support/api-reference.js";
import { type Dataset, StandardScaler, makeMoons, trainTestSplit } from "@nn/datasets";
import { BinaryCrossEntropy, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { SGD, StepLR } from "@nn/optim";
import { type Tensor, createRng, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import {
  type BatchEndEvent, type EpochEndEvent, type History, type TrainEndEvent, type TrainLoss, evaluate, fit, predict,
} from "../src/index.js";

function data(): { train: Dataset; test: Dataset } {
  const split = trainTestSplit(makeMoons({ n: 200, noise: 0.15, seed: 4 }), { testSize: 0.25, stratify: true, seed: 4 });
  const scaler = new StandardScaler().fit(split.train.x);
  return { train: { ...split.train, x: scaler.transform(split.train.x) }, test: { ...split.test, x: scaler.transform(split.test.x) } };
}

function net(seed: number): Sequential {
  const rng = createRng(seed);
  return new Sequential([new Dense(2, 8, { rng }), new ReLU(), new Dense(8, 1, { rng }), new Sigmoid()]);
}

function snapshot(model: Sequential): number[][] {
  return model.parameters().map((p) => Array.from(p.value.data));
}

describe("docs/api.md contract: fit", () => {
  it("fit(model, {every option}) → History, with callbacks carrying loss, metrics, lr, layer grad norms, throughput", () => {
    const { train, test } = data();
    const model = net(1);
    const optimizer = new SGD(model.parameters(), { lr: 0.4, momentum: 0.9 });
    const scheduler = new StepLR(optimizer, { stepSize: 1, gamma: 0.5 });
    const batches: BatchEndEvent[] = [], epochs: EpochEndEvent[] = [], ends: TrainEndEvent[] = [];
    const history: History = fit(model, {
      loss: new BinaryCrossEntropy(),
      optimizer,
      train,
      validation: test,
      epochs: 3,
      batchSize: 32,
      seed: 7,
      metrics: ["loss", "accuracy", "f1"],
      scheduler,
      clipGradNorm: 5,
      earlyStopping: { monitor: "valLoss", patience: 5 },
      callbacks: { onBatchEnd: (e) => batches.push(e), onEpochEnd: (e) => epochs.push(e), onTrainEnd: (e) => ends.push(e) },
      signal: new AbortController().signal,
    });
    expect(history.stopped).toBe("completed");
    expect(history.epochs).toHaveLength(3);
    // StepLR(stepSize 1, gamma 0.5) stepped once per epoch: each epoch's updates use 0.4, 0.2, 0.1.
    expect(history.epochs.map((r) => r.lr)).toEqual([0.4, 0.2, 0.1]);
    for (const r of history.epochs) {
      expect(Number.isFinite(r.train.loss)).toBe(true);
      expect(r.train.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.train.f1).toBeGreaterThanOrEqual(0);
      expect(r.validation?.loss).toBeGreaterThan(0);
    }
    // 150 training rows in batches of 32: 5 batches per epoch.
    expect(batches).toHaveLength(15);
    for (const e of batches) {
      expect(Number.isFinite(e.loss)).toBe(true);
      expect([0.4, 0.2, 0.1]).toContain(e.lr);
      expect(e.gradNorm).toBeGreaterThan(0);
      expect(e.samplesPerSecond).toBeGreaterThan(0);
      // Metrics and per-layer gradient norms on every batch, not only at the end of an epoch.
      expect(e.metrics.accuracy).toBeGreaterThanOrEqual(0);
      expect(e.metrics.f1).toBeGreaterThanOrEqual(0);
      expect(e.layers?.map((l) => l.name)).toEqual(["layers.0", "layers.2"]);
      expect(Math.hypot(...(e.layers ?? []).map((l) => l.gradNorm))).toBeCloseTo(e.gradNorm, 5);
    }
    // A batch's metrics run over the epoch so far: the epoch's last batch has the epoch's metrics,
    // and its first batch's loss is that batch's own loss.
    for (let k = 0; k < 3; k++) {
      expect(batches[5 * k + 4].metrics).toEqual(history.epochs[k].train);
      expect(batches[5 * k].metrics.loss).toBe(batches[5 * k].loss);
    }
    expect(epochs).toHaveLength(3);
    for (const e of epochs) {
      expect(e.train.loss).toBeGreaterThan(0);
      expect(e.train.accuracy).toBeDefined();
      expect(e.validation?.accuracy).toBeDefined();
      // One entry per Dense layer (the activations have no parameters); the per-layer gradient
      // norms combine to the total norm (√Σ layerNorm²).
      expect(e.layers.map((l) => l.name)).toEqual(["layers.0", "layers.2"]);
      expect(Math.hypot(...e.layers.map((l) => l.gradNorm))).toBeCloseTo(e.gradNorm, 5);
      expect(e.samplesPerSecond).toBeGreaterThan(0);
    }
    expect(ends).toHaveLength(1);
    expect(ends[0].history.epochs).toHaveLength(3);
    expect(ends[0].stopped).toBe("completed");
    expect(ends[0].samplesPerSecond).toBeGreaterThan(0);
    // It learned: validation accuracy on the moons well above chance.
    expect(history.epochs[2].validation!.accuracy).toBeGreaterThan(0.8);
  });

  it("the same seed gives the same History and weights", () => {
    const run = () => {
      const { train } = data();
      const model = net(3);
      const h = fit(model, { loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 2, batchSize: 16, seed: 5 });
      return { h, w: snapshot(model) };
    };
    const a = run(), b = run();
    expect(JSON.stringify(a.h)).toBe(JSON.stringify(b.h));
    expect(a.w).toEqual(b.w);
  });

  it("clipGradNorm caps each update's gradient norm; batch events report the norm before clipping", () => {
    const { train } = data();
    const model = net(2);
    const lr = 0.5, maxNorm = 1e-3;
    const events: BatchEndEvent[] = [];
    let before = snapshot(model);
    let maxStep = 0;
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr }), train, epochs: 1, batchSize: 50, seed: 1,
      clipGradNorm: maxNorm,
      callbacks: {
        onBatchEnd: (e) => {
          events.push(e);
          const now = snapshot(model);
          let s = 0;
          now.forEach((p, i) => p.forEach((v, j) => (s += (v - before[i][j]) ** 2)));
          maxStep = Math.max(maxStep, Math.sqrt(s));
          before = now;
        },
      },
    });
    // Plain SGD moves θ by lr·g, so ‖Δθ‖ ≤ lr·maxNorm (float32 rounding aside).
    expect(maxStep).toBeLessThan(lr * maxNorm * 1.01);
    for (const e of events) {
      expect(e.gradNorm).toBeGreaterThan(maxNorm);
      expect(e.clipped).toBe(true);
    }
  });

  it("earlyStopping stops when the monitored value stops improving", () => {
    const { train } = data();
    const model = net(4);
    // With minDelta 1e9 no epoch can improve on the first, so patience 0 stops after epoch 2.
    const h = fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 10, batchSize: 32, seed: 1,
      earlyStopping: { monitor: "loss", patience: 0, minDelta: 1e9 },
    });
    expect(h.stopped).toBe("early-stopping");
    expect(h.epochs).toHaveLength(2);
    expect(h.bestEpoch).toBe(1);
  });

  it("signal aborts between batches", () => {
    const { train } = data();
    const model = net(5);
    const controller = new AbortController();
    let batchesSeen = 0;
    const h = fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 5, batchSize: 10, seed: 1,
      signal: controller.signal,
      callbacks: { onBatchEnd: () => (++batchesSeen === 2 ? controller.abort() : undefined) },
    });
    expect(h.stopped).toBe("aborted");
    expect(batchesSeen).toBe(2);
  });

  it("a non-finite loss stops training with an error that says so and suggests a cause", () => {
    const { train } = data();
    const model = net(6);
    const inner = new BinaryCrossEntropy();
    let calls = 0;
    // A loss that turns NaN on its third batch, as an overflow would.
    const loss: TrainLoss = {
      forward: (pred: Tensor, target: Tensor) => (++calls === 3 ? NaN : inner.forward(pred, target)),
      backward: () => inner.backward(),
    };
    const run = () => fit(model, { loss, optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 32, seed: 1 });
    expect(run).toThrow(/diverged/i);
    calls = 0;
    let message = "";
    try {
      run();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/loss is NaN/);
    expect(message).toMatch(/batch 3/);
    expect(message).toMatch(/learning rate/);
  });
});

describe("docs/api.md contract: evaluate and predict", () => {
  it("predict(model, x) is the eval-mode output; evaluate(model, ds, {loss, metrics}) matches it", () => {
    const { train, test } = data();
    const model = net(8);
    fit(model, { loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.3 }), train, epochs: 3, batchSize: 32, seed: 2 });
    const p = predict(model, test.x);
    const n = test.x.shape[0];
    expect(p.shape).toEqual([n, 1]);
    // Independently: BCE = −mean(y log p + (1 − y) log(1 − p)); accuracy = share with (p ≥ 0.5) = y.
    let bce = 0, correct = 0;
    for (let i = 0; i < n; i++) {
      const pi = p.data[i], yi = test.y.data[i];
      bce -= yi * Math.log(pi) + (1 - yi) * Math.log(1 - pi);
      if ((pi >= 0.5 ? 1 : 0) === yi) correct++;
    }
    const result = evaluate(model, test, { loss: new BinaryCrossEntropy(), metrics: ["loss", "accuracy"] });
    expect(result.loss).toBeCloseTo(bce / n, 5);
    expect(result.accuracy).toBe(correct / n);
    // predict returns a copy: changing it does not change the next prediction.
    p.data[0] = 123;
    expect(predict(model, test.x).data[0]).not.toBe(123);
    expect(predict(model, tensor([[0, 0]])).shape).toEqual([1, 1]);
  });
});

describe("docs/api.md is kept in step with the code", () => {
  it("names every export of @nn/train", async () => {
    expect(undocumentedExports("@nn/train", await import("../src/index.js"))).toEqual([]);
  });
  it("names every export of @nn/train/node", async () => {
    expect(undocumentedExports("@nn/train", await import("../src/node/index.js"))).toEqual([]);
  });
});

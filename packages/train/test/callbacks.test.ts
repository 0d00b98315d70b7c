import { BinaryCrossEntropy, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { SGD } from "@nn/optim";
import { type Tensor, createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type BatchEndEvent, type EpochEndEvent, type TrainEndEvent, evaluate, fit } from "../src/index.js";
import { gradNormOf, moons } from "./fixtures.js";

/** A clock that only advances when the model computes: 5 ms per forward pass of any size. */
function timedModel(seed: number) {
  const clock = { t: 1000 };
  const rng = createRng(seed);
  const model = new Sequential([new Dense(2, 6, { rng }), new ReLU(), new Dense(6, 1, { rng }), new Sigmoid()]);
  const forward = model.forward.bind(model);
  model.forward = (x: Tensor, mode?: "train" | "eval") => {
    clock.t += 5;
    return forward(x, mode);
  };
  return { model, now: () => clock.t, untimedForward: forward };
}

describe("callbacks", () => {
  const { train, test } = moons(40, 3); // 30 training rows, 10 validation rows

  it("fire in order: each batch, then its epoch, then the end of training", () => {
    const { model, now } = timedModel(1);
    const log: string[] = [];
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, validation: test,
      epochs: 2, batchSize: 12, seed: 0, now,
      callbacks: [
        { onBatchEnd: (e) => log.push(`batch ${e.epoch}.${e.batch}`), onEpochEnd: (e) => log.push(`epoch ${e.epoch}`) },
        { onTrainEnd: (e) => log.push(`end ${e.stopped}`) },
      ],
    });
    // 30 rows in batches of 12: 12, 12, 6
    expect(log).toEqual(["batch 1.1", "batch 1.2", "batch 1.3", "epoch 1", "batch 2.1", "batch 2.2", "batch 2.3", "epoch 2", "end completed"]);
  });

  it("carry losses, learning rate, norms and throughput that agree with independent computations", () => {
    const { model, now, untimedForward } = timedModel(2);
    const loss = new BinaryCrossEntropy();
    const validationLosses: number[] = [];
    const before = evaluate(model, train, { loss, metrics: ["accuracy"] }); // eval = train mode for Dense/ReLU/Sigmoid
    const batches: BatchEndEvent[] = [];
    const epochs: EpochEndEvent[] = [];
    let end: TrainEndEvent | undefined;
    const gradNorms: number[] = [];
    const weightNorms: Array<Record<string, number>> = [];
    fit(model, {
      loss, optimizer: new SGD(model.parameters(), { lr: 0.05 }), train, validation: test, epochs: 3, batchSize: 30, seed: 0, now,
      metrics: ["accuracy", "f1"], gradNormsEvery: "epoch",
      callbacks: {
        onBatchEnd: (e) => {
          batches.push(e);
          gradNorms.push(gradNormOf(model.parameters())); // the grads are still there after the update
        },
        onEpochEnd: (e) => {
          epochs.push(e);
          validationLosses.push(new BinaryCrossEntropy().forward(untimedForward(test.x, "eval"), test.y));
          const byLayer: Record<string, number> = {};
          for (const p of model.parameters()) {
            const layer = p.name.split(".").slice(0, 2).join(".");
            for (const v of p.value.data) byLayer[layer] = (byLayer[layer] ?? 0) + v * v;
          }
          weightNorms.push(Object.fromEntries(Object.entries(byLayer).map(([k, v]) => [k, Math.sqrt(v)])));
        },
        onTrainEnd: (e) => (end = e),
      },
    });
    // Full batch: the first batch's loss and accuracy are those of the untrained model.
    expect(batches[0].loss).toBeCloseTo(before.loss, 6);
    expect(epochs[0].train.loss).toBe(batches[0].loss);
    expect(epochs[0].train.accuracy).toBe(before.accuracy);
    expect(epochs[0].train.f1).toBeTypeOf("number");
    for (const [i, e] of batches.entries()) {
      expect(e).toMatchObject({ epoch: i + 1, batch: 1, batchesPerEpoch: 1, step: i + 1, size: 30, lr: 0.05, clipped: false });
      expect(e.gradNorm).toBeCloseTo(gradNorms[i], 10);
      expect(e.samplesPerSecond).toBe(30 / 0.005); // one 5 ms forward per batch
      expect(e.layers).toBeUndefined(); // gradNormsEvery: 'epoch' skips the per-batch layer norms
    }
    for (const [i, e] of epochs.entries()) {
      expect(e).toMatchObject({ epoch: i + 1, epochs: 3, batches: 1, samples: 30, lr: 0.05 });
      expect(e.layers.map((l) => l.name)).toEqual(["layers.0", "layers.2"]);
      // Per-layer gradient norms make up the total: Σ layer² = total².
      expect(Math.hypot(...e.layers.map((l) => l.gradNorm))).toBeCloseTo(e.gradNorm, 10);
      for (const l of e.layers) expect(l.weightNorm).toBeCloseTo(weightNorms[i][l.name], 5);
      expect(e.validation?.loss).toBe(validationLosses[i]);
      expect(e.samplesPerSecond).toBe(30 / 0.005);
      expect(e.durationMs).toBe(10); // training forward + validation forward
    }
    expect(end).toMatchObject({ stopped: "completed", epochs: 3, elapsedMs: 30 });
    expect(end?.history.epochs).toHaveLength(3);
  });

  it("per-batch layer norms with gradNormsEvery: 'batch'", () => {
    const { model, now } = timedModel(3);
    const seen: BatchEndEvent[] = [];
    fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 10, seed: 0, now,
      gradNormsEvery: "batch", callbacks: { onBatchEnd: (e) => seen.push(e) },
    });
    expect(seen).toHaveLength(3);
    for (const e of seen) {
      expect(e.layers?.map((l) => l.name)).toEqual(["layers.0", "layers.2"]);
      expect(Math.hypot(...(e.layers ?? []).map((l) => l.gradNorm))).toBeCloseTo(e.gradNorm, 10);
    }
  });

  it("the epoch's training loss is the batch losses weighted by batch size", () => {
    const { model, now } = timedModel(4);
    const seen: BatchEndEvent[] = [];
    const history = fit(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 12, seed: 5, now,
      callbacks: { onBatchEnd: (e) => seen.push(e) },
    });
    expect(seen.map((e) => e.size)).toEqual([12, 12, 6]);
    const weighted = (12 * seen[0].loss + 12 * seen[1].loss + 6 * seen[2].loss) / 30;
    expect(history.epochs[0].train.loss).toBeCloseTo(weighted, 14);
  });
});

import { describe, expect, it } from "vitest";
import { nnAutogradTrainer } from "../src/impl/nn-autograd-mlp.js";
import { nnTrainer } from "../src/impl/nn-mlp.js";
import { loadTfjs } from "../src/impl/tfjs-loader.js";
import { tfjsTrainer } from "../src/impl/tfjs-mlp.js";
import { w1Spec, w2Spec } from "../src/mlp-spec.js";

// The bench's claim that every row trains the same network the same way, checked on a few steps:
// nn and TensorFlow.js start from the same weights and must follow the same loss curve.
describe("nn and TensorFlow.js take the same SGD steps from the same weights", () => {
  it.each([
    ["W1 full batch", () => w1Spec(1000), 5],
    ["W1 batch 32", () => w1Spec(32), 40],
    ["W2 batch 128", () => w2Spec(), 3],
  ] as const)("%s", async (_name, makeSpec, steps) => {
    const spec = makeSpec();
    const tf = await loadTfjs();
    const nn = nnTrainer(spec);
    const reference = await tfjsTrainer(tf, "cpu", spec);
    const start = nn.loss();
    expect(reference.loss()).toBeCloseTo(start, 5);
    for (let s = 0; s < steps; s++) {
      nn.run();
      reference.run();
    }
    const after = nn.loss();
    expect(after).toBeLessThan(start); // training moved
    expect(Math.abs(reference.loss() - after) / after).toBeLessThan(1e-4);
  }, 60_000);
});

// The bench warms each trainer in place and then resets it: after reset, it must retrace a fresh
// trainer's steps exactly, or rows would be timed from different weights.
describe("reset puts a trainer back to the spec's weights and first batch", () => {
  it.each([
    ["nn", () => Promise.resolve(nnTrainer(w1Spec(32)))],
    ["nn autograd", () => Promise.resolve(nnAutogradTrainer(w1Spec(32)))],
    ["tfjs cpu", async () => tfjsTrainer(await loadTfjs(), "cpu", w1Spec(32))],
  ] as const)("%s", async (_name, make) => {
    const warmed = await make(), fresh = await make();
    for (let s = 0; s < 7; s++) warmed.run(); // leaves the batch position mid-epoch too
    warmed.reset();
    for (let s = 0; s < 12; s++) {
      warmed.run();
      fresh.run();
    }
    expect(Object.is(warmed.loss(), fresh.loss())).toBe(true);
  }, 60_000);
});

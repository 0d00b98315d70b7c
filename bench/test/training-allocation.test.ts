import { describe, expect, it } from "vitest";
import { nnTrainer } from "../src/impl/nn-mlp.js";
import { w1Spec, w2Spec } from "../src/mlp-spec.js";

/**
 * Counts every typed array and ArrayBuffer constructed while `fn` runs, by swapping the global
 * constructors for counting proxies (a proxy keeps `instanceof` working, so the library sees no
 * difference). Views made by `subarray` go through the species constructor and are not counted:
 * they share memory and allocate no buffer.
 */
function countConstructions(fn: () => void): number {
  const names = ["Float32Array", "Float64Array", "Int32Array", "Uint8Array", "ArrayBuffer"] as const;
  const g = globalThis as unknown as Record<string, unknown>;
  const originals = names.map((name) => g[name]);
  let count = 0;
  names.forEach((name, i) => {
    g[name] = new Proxy(originals[i] as new (...args: unknown[]) => object, {
      construct(target, args, newTarget) {
        count++;
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
  });
  try {
    fn();
  } finally {
    names.forEach((name, i) => (g[name] = originals[i]));
  }
  return count;
}

describe("an nn training step after the first batch of a size", () => {
  it("constructs no typed arrays: W1 mini-batch 32 (Dense/ReLU/Sigmoid, BCE, SGD), 200 steps", () => {
    const trainer = nnTrainer(w1Spec(32));
    trainer.run(); // the first batch of this size allocates activations, gradients and scratch
    const constructed = countConstructions(() => {
      for (let s = 0; s < 200; s++) trainer.run();
    });
    expect(constructed).toBe(0);
  });

  it("constructs no typed arrays: W1 full batch, 50 steps", () => {
    const trainer = nnTrainer(w1Spec(1000));
    trainer.run();
    expect(countConstructions(() => {
      for (let s = 0; s < 50; s++) trainer.run();
    })).toBe(0);
  });

  it("constructs no typed arrays: W2 (softmax cross-entropy, 784→256→128→10), 5 steps", () => {
    const trainer = nnTrainer(w2Spec());
    trainer.run();
    expect(countConstructions(() => {
      for (let s = 0; s < 5; s++) trainer.run();
    })).toBe(0);
  });

  it("the counter does see allocations (so a zero above means something)", () => {
    const trainer = nnTrainer(w1Spec(32));
    // the very first step allocates its buffers
    expect(countConstructions(() => trainer.run())).toBeGreaterThan(0);
    expect(countConstructions(() => new Float32Array(3))).toBe(1);
  });
});

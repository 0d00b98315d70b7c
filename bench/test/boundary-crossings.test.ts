import { describe, expect, it } from "vitest";
import { countBoundaryCrossings, stopCountingBoundaryCrossings, wasmKernels } from "@nn/tensor";
import { nnTrainer } from "../src/impl/nn-mlp.js";
import { w1Spec, w2Spec } from "../src/mlp-spec.js";
import type { MlpSpec } from "../src/mlp-spec.js";

/** Copies into and out of WebAssembly per training step (the bench's loop), after two warm-up steps. */
function perStep(spec: MlpSpec): { copiesIn: number; floatsIn: number; copiesOut: number; floatsOut: number } {
  const trainer = nnTrainer(spec);
  trainer.run();
  trainer.run();
  const counted = countBoundaryCrossings();
  if (counted === null) throw new Error("no wasm backend");
  const steps = 4;
  for (let s = 0; s < steps; s++) trainer.run();
  stopCountingBoundaryCrossings();
  return { copiesIn: counted.copiesIn / steps, floatsIn: counted.floatsIn / steps, copiesOut: counted.copiesOut / steps, floatsOut: counted.floatsOut / steps };
}

// The layers' activations and gradients live in the kernels' memory, so no hidden activation
// crosses the boundary at all; what does cross is the data, the weights and their gradients.
// Before the fused kernels and resident buffers (b0a70c5, counted the same way) a step copied
// W1 full batch: 40 copies / 880,962 floats in, 21 / 488,481 out; W2: 42 / 1,587,988 in,
// 22 / 818,570 out.
describe.skipIf(wasmKernels === null)("copies across the JavaScript/WebAssembly boundary per training step", () => {
  it("W1 full batch (2→64→32→1, n = 1000): only x, the parameters and their gradients cross", () => {
    const n = 1000;
    // in, forward: x, then W and b of each layer (each product's epilogue adds its bias)
    const forward = n * 2 + (128 + 64) + (2048 + 32) + (32 + 1);
    // in, backward: layer 3: grad W3 (accumulated, so read), grad b3, W3 for dx; layer 2 the
    // same; layer 1: x again, grad W1, grad b1 (no dx: the data needs no gradient)
    const backward = (32 + 1 + 32) + (2048 + 32 + 2048) + (n * 2 + 128 + 64);
    expect(perStep(w1Spec(n))).toEqual({
      copiesIn: 7 + 9, floatsIn: forward + backward,
      // out: each parameter's gradient, once
      copiesOut: 6, floatsOut: 128 + 64 + 2048 + 32 + 32 + 1,
    });
  });

  it("W2 (784→256→128→10, n = 128): the gradients come out once each and nothing else", () => {
    const params = 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10;
    const c = perStep(w2Spec());
    expect(c.copiesOut).toBe(6);
    expect(c.floatsOut).toBe(params);
    // in: x twice (forward, xᵀ·dz), each weight and bias once forward, W2 and W3 once more for
    // dx, every gradient once (accumulated), and the loss gradient (the caller's array) for
    // layer 3's three products
    expect(c.floatsIn).toBe(2 * 128 * 784 + params + (256 * 128 + 128 * 10) + params + 3 * 128 * 10);
  });
});

import { describe, expect, it } from "vitest";
import * as ort from "onnxruntime-node";
import type { DType } from "@nn/tensor";
import { exportONNX } from "../src/index.js";
import { batch, modelZoo } from "./models.js";

/** ONNX Runtime 1.30's CPU provider registers these ops for float32 only (see the README). */
const NO_FLOAT64_KERNEL = new Set(["GELU (exact)", "ELU", "Softplus"]);

async function runOrt(bytes: Uint8Array, x: Float32Array | Float64Array, shape: number[], dtype: DType): Promise<Float32Array | Float64Array> {
  // ONNX Runtime's extended optimisations fuse Sigmoid·Mul into QuickGelu, which has only a float32
  // kernel; float64 models run with the basic level (see the README).
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: dtype === "float64" ? "basic" : "all" });
  const result = await session.run({ input: new ort.Tensor(dtype, x, shape) });
  return result.output.data as Float32Array | Float64Array;
}

/** max |a − b| relative to the largest |b|: the "within 1e-5 relative" for a whole output. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0, scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

describe.each([
  ["float32", 1e-5],
  ["float64", 1e-12],
] as const)("exported %s models run in ONNX Runtime", (dtype, tolerance) => {
  for (const { name, model, inputs } of modelZoo(dtype)) {
    it.each([1, 3, 17])(`${name}, batch %i: ONNX Runtime agrees with nn`, async (n) => {
      const bytes = exportONNX(model);
      const x = batch(n, inputs, dtype, n);
      const expected = model.forward(x, "eval").clone();
      if (dtype === "float64" && NO_FLOAT64_KERNEL.has(name)) {
        await expect(runOrt(bytes, x.data, [n, inputs], dtype)).rejects.toThrow(/Could not find an implementation/);
        return;
      }
      const got = await runOrt(bytes, x.data, [n, inputs], dtype);
      expect(got.length).toBe(expected.size);
      expect(relativeError(got, expected.data)).toBeLessThanOrEqual(tolerance);
    });
  }
});

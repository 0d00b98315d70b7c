import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { weightsFingerprint } from "../src/fingerprint.js";

// Expected values from a direct FNV-1a 64 in Python (arbitrary-precision integers):
// h = 0xcbf29ce484222325; for byte b: h ^= b; h = h * 0x100000001b3 mod 2^64.
const param = (t: Tensor) => ({ value: t });

describe("weightsFingerprint", () => {
  it("is FNV-1a 64 of the parameters' bytes, in order", () => {
    expect(weightsFingerprint([])).toBe("cbf29ce484222325"); // the offset basis: no bytes
    expect(weightsFingerprint([param(new Tensor(new Float32Array([1, -2.5]), [2]))])).toBe("09e629ee2dfdb3f8");
    // float32 1.0 then float64 0.5: each parameter's own bytes, one after the other
    expect(weightsFingerprint([param(new Tensor(new Float32Array([1]), [1])), param(new Tensor(new Float64Array([0.5]), [1]))])).toBe("ef31b1ea2abdfc15");
  });

  it("changes with a single bit of one weight", () => {
    const a = new Float32Array([0.25, 0.5, 0.75]);
    const b = Float32Array.from(a);
    new Uint32Array(b.buffer)[1] ^= 1;
    expect(weightsFingerprint([param(new Tensor(a, [3]))])).not.toBe(weightsFingerprint([param(new Tensor(b, [3]))]));
  });

  it("reads only the tensor's own bytes when its data is a view into a larger buffer", () => {
    const big = new Float32Array([9, 1, -2.5, 9]);
    expect(weightsFingerprint([param(new Tensor(big.subarray(1, 3), [2]))])).toBe("09e629ee2dfdb3f8");
  });
});

import { describe, expect, it } from "vitest";
import { type DType, Tensor, elementary, exp, jsKernels, log, logSoftmax, logSumExp, softmax } from "../src/index.js";
import { EXP_HARD_CASES, LOG_HARD_CASES } from "../../../tests/cross-engine/src/hard-cases.js";
import { backends, useBackend } from "./backends.js";

// Issue 16: element-wise exp and log must give, on every backend (the WebAssembly SIMD one
// included), exactly the bits of the scalar elementary functions, rounded once to the tensor's
// dtype. The reference here is the scalar function applied one element at a time, by hand.

/** Many inputs: a wide grid, edge cases (±0, ±Infinity, NaN, overflow, subnormal results) and hard-to-round points. */
function inputs(kind: "exp" | "log"): number[] {
  const xs: number[] = [];
  for (let i = 0; i < 20000; i++) xs.push(kind === "exp" ? -760 + (1480 * i) / 19999 : 1e-300 + (1e6 * i) / 19999);
  for (let i = 0; i < 4000; i++) xs.push(kind === "exp" ? -3 + (6 * i) / 3999 : 0.5 + (1.5 * i) / 3999);
  xs.push(0, -0, Infinity, -Infinity, NaN, 709.782712893384, 709.7827128933841, -745.1332191019411, -708.4, 5e-324, 2.2250738585072014e-308, 1e-20, -1e-20);
  xs.push(...(kind === "exp" ? EXP_HARD_CASES : LOG_HARD_CASES));
  return xs;
}

function expectSameBits(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  let differing = 0;
  let first = "";
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) {
      if (differing === 0) first = `element ${i}: ${got[i]} instead of ${want[i]}`;
      differing++;
    }
  }
  expect(differing, `${what}: ${differing} elements differ, first ${first}`).toBe(0);
}

describe.each(backends)("element-wise transcendentals on the $name backend", (backend) => {
  useBackend(backend);

  for (const dtype of ["float32", "float64"] as DType[]) {
    const array = (xs: number[]) => (dtype === "float32" ? Float32Array.from(xs) : Float64Array.from(xs));

    it(`exp gives the scalar function's bits on every element (${dtype})`, () => {
      const x = array(inputs("exp"));
      const want = array(Array.from(x, (v) => elementary.exp(v)));
      expectSameBits(exp(new Tensor(x, [x.length])).data, want, `exp ${dtype}`);
    });

    it(`log gives the scalar function's bits on every element, negatives included (${dtype})`, () => {
      const x = array([...inputs("log"), -1, -5e-324]);
      const want = array(Array.from(x, (v) => elementary.log(v)));
      expectSameBits(log(new Tensor(x, [x.length])).data, want, `log ${dtype}`);
    });

    it(`softmax, logSoftmax and logSumExp give the bits of the JavaScript reference kernels (${dtype})`, () => {
      const rows = 64, cols = 37;
      const values: number[] = [];
      for (let i = 0; i < rows * cols; i++) values.push(((i * 7919) % 2003) / 50 - 20);
      values[5] = Infinity;
      values[cols + 3] = NaN;
      const x = array(values);
      const t = new Tensor(x, [rows, cols]);
      const want = (f: (out: Float32Array | Float64Array) => void, n: number) => {
        const out = array(new Array<number>(n).fill(0));
        f(out);
        return out;
      };
      expectSameBits(softmax(t).data, want((o) => jsKernels.softmax(x, o, rows, cols, 1, false), rows * cols), `softmax ${dtype}`);
      expectSameBits(logSoftmax(t).data, want((o) => jsKernels.softmax(x, o, rows, cols, 1, true), rows * cols), `logSoftmax ${dtype}`);
      expectSameBits(logSumExp(t, 1).data, want((o) => jsKernels.reduce("logSumExp", x, o, rows, cols, 1), rows), `logSumExp ${dtype}`);
    });
  }
});

import { afterEach, describe, expect, it } from "vitest";
import { type TypedArray, createRng, jsKernels, kernels, setKernels, wasmKernels, workingArray } from "../src/index.js";

// Working arrays live in the wasm backend's shared memory: kernels then read and write them in
// place. Every kernel must give the same bits whether its operands live there or not, and the
// arrays must keep their contents when the memory grows.

const original = kernels();
afterEach(() => setKernels(original));

function random(length: number, seed: number, into: Float32Array = new Float32Array(length)): Float32Array {
  const rng = createRng(seed);
  for (let i = 0; i < length; i++) into[i] = rng.next() * 2 - 1;
  return into;
}

function resident(source: Float32Array): Float32Array {
  const a = workingArray(source.length);
  a.set(source);
  return a;
}

function sameBits(a: TypedArray, b: TypedArray): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe.skipIf(wasmKernels === null)("working arrays in the kernels' memory", () => {
  it("are Float32Arrays that survive the memory's growth with their contents", () => {
    setKernels(wasmKernels!);
    const w = workingArray(1000);
    expect(w).toBeInstanceOf(Float32Array);
    random(1000, 1, w);
    const copy = w.slice();
    expect(copy.buffer).toBeInstanceOf(ArrayBuffer); // a copy (what a caller is handed) is ordinary
    // a product too large for the current arena grows the memory
    const m = 600, k = 700, n = 500;
    const out = new Float32Array(m * n);
    kernels().matmul(random(m * k, 2), random(k * n, 3), out, m, n, k, false, false);
    expect(w.length).toBe(1000);
    expect(sameBits(w, copy)).toBe(true);
  });

  it("are ordinary arrays under the JavaScript backend", () => {
    setKernels(jsKernels);
    expect(workingArray(10).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("lend their bytes to the next array of the same buffer when large enough", () => {
    setKernels(wasmKernels!);
    const big = workingArray(256);
    const small = workingArray(64, big);
    expect(small.buffer === big.buffer && small.byteOffset === big.byteOffset).toBe(true);
    const bigger = workingArray(512, small);
    expect(bigger.byteOffset === big.byteOffset).toBe(false);
  });

  for (const [m, n, k] of [[16, 24, 100], [33, 9, 300], [130, 70, 600]] as Array<[number, number, number]>) {
    it(`matmul [${m}×${k}]·[${k}×${n}] in place gives the bits of the copied call, with accumulate, bias and relu`, () => {
      setKernels(wasmKernels!);
      const a = random(m * k, m), b = random(k * n, n), c0 = random(m * n, k), bias = random(n, 7);
      for (const [accumulate, withBias, relu] of [[false, false, false], [true, false, false], [false, true, true], [true, true, true]] as const) {
        for (const [transA, transB] of [[false, false], [true, false], [false, true]] as const) {
          const expected = c0.slice();
          kernels().matmul(a, b, expected, m, n, k, transA, transB, accumulate, withBias ? bias : null, relu);
          const out = resident(c0);
          kernels().matmul(resident(a), resident(b), out, m, n, k, transA, transB, accumulate, withBias ? resident(bias) : null, relu);
          expect(sameBits(out, expected), `accumulate ${accumulate} bias ${withBias} relu ${relu} transA ${transA} transB ${transB}`).toBe(true);
          const mixed = c0.slice(); // operands in place, result copied out
          kernels().matmul(resident(a), b, mixed, m, n, k, transA, transB, accumulate, withBias ? bias : null, relu);
          expect(sameBits(mixed, expected)).toBe(true);
        }
      }
    });
  }

  it("the element-wise kernels in place give the bits of the copied calls (also with out = input)", () => {
    setKernels(wasmKernels!);
    const rows = 30, cols = 13, n = rows * cols;
    const x = random(n, 1), a = random(n, 2), row = random(cols, 3), col = random(cols, 4);
    const k = kernels();
    const check = (f: (x: Float32Array, a: Float32Array, out: Float32Array) => void, outLength: number, start: Float32Array) => {
      const expected = start.slice(0, outLength);
      f(x, a, expected);
      const inPlace = resident(start.slice(0, outLength));
      f(resident(x), resident(a), inPlace);
      expect(sameBits(inPlace, expected)).toBe(true);
      const outOnly = resident(start.slice(0, outLength));
      f(x, a, outOnly);
      expect(sameBits(outOnly, expected)).toBe(true);
    };
    check((x, _a, out) => k.positivePart(x, out), n, a);
    check((x, a, out) => k.wherePositive(x, a, out), n, a);
    check((_x, a, out) => { out.set(a); k.addToRows(out, row, rows, cols); }, n, a);
    check((x, _a, out) => k.addColumnSums(x, out, rows, cols), cols, col);
    check((x, _a, out) => k.addScaled(-0.75, x, out), n, a);
    const y = resident(x); // y = x, in place
    k.positivePart(y, y);
    expect(sameBits(y, x.map((v) => Math.max(v, 0)))).toBe(true);
  });
});

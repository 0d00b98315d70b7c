import { describe, expect, it } from "vitest";
import { kernels } from "../src/index.js";
import { backends, useBackend } from "./backends.js";

// Lengths below and above the size where the wasm backend starts using SIMD (64 floats), with
// ragged tails (n mod 4 ≠ 0). Values are small integers and halves: every result below is exact
// in float32, so both backends must match the hand-written expectations bit for bit.
const lengths = [1, 7, 64, 203];

function ramp(n: number, f: (i: number) => number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => f(i));
}

describe.each(backends)("dense-layer kernels, backend $name", (backend) => {
  useBackend(backend);

  for (const n of lengths) {
    it(`relu and its gradient over ${n} floats`, () => {
      const x = ramp(n, (i) => (i % 5) - 2); // −2 −1 0 1 2 …
      const y = new Float32Array(n);
      kernels().relu(x, y);
      expect(Array.from(y)).toEqual(Array.from(x, (v) => (v > 0 ? v : 0)));
      const dy = ramp(n, (i) => i + 0.5);
      const dx = new Float32Array(n).fill(Number.NaN);
      kernels().reluBackward(x, dy, dx);
      // d max(x, 0)/dx = 1 where x > 0, 0 where x ≤ 0 (0 at the kink, as PyTorch)
      expect(Array.from(dx)).toEqual(Array.from(x, (v, i) => (v > 0 ? i + 0.5 : 0)));
    });

    it(`adds a bias row and sums rows into a bias gradient (${n} columns × 3 rows)`, () => {
      const rows = 3;
      const y = ramp(rows * n, (i) => i);
      const bias = ramp(n, (j) => -j * 2);
      kernels().addRow(y, bias, rows, n);
      // y[r, j] = r·n + j − 2j = r·n − j
      expect(Array.from(y)).toEqual(Array.from(y, (_, i) => Math.floor(i / n) * n - (i % n)));
      const grad = ramp(n, () => 1);
      kernels().sumRowsInto(y, grad, rows, n);
      // 1 + Σ_r (r·n − j) = 1 + 3n − 3j   (r = 0, 1, 2)
      expect(Array.from(grad)).toEqual(Array.from(grad, (_, j) => 1 + 3 * n - 3 * j));
    });

    it(`axpy over ${n} floats`, () => {
      const y = ramp(n, (i) => i);
      const x = ramp(n, (i) => 2 * i + 1);
      kernels().axpy(-0.5, x, y);
      // i − (2i + 1)/2 = −0.5
      expect(Array.from(y)).toEqual(new Array<number>(n).fill(-0.5));
    });
  }

  it("relu keeps NaN (as PyTorch) and maps −0 to a zero; the gradient at NaN is 0", () => {
    const x = new Float32Array(80).fill(1);
    x[3] = Number.NaN;
    x[70] = Number.NaN;
    x[5] = -0;
    const y = new Float32Array(80);
    kernels().relu(x, y);
    expect(y[3]).toBeNaN();
    expect(y[70]).toBeNaN();
    expect(y[5] === 0).toBe(true);
    const dx = new Float32Array(80);
    kernels().reluBackward(x, new Float32Array(80).fill(2), dx);
    expect([dx[3], dx[70], dx[5], dx[0]]).toEqual([0, 0, 0, 2]);
  });

  it("works in place: relu with y = x, its gradient with dx = dy", () => {
    const x = ramp(100, (i) => (i % 2 === 0 ? -i : i));
    const expected = Array.from(x, (v) => (v > 0 ? v : 0));
    kernels().relu(x, x);
    expect(Array.from(x)).toEqual(expected);
    const dy = ramp(100, () => 3);
    kernels().reluBackward(ramp(100, (i) => i % 2), dy, dy);
    expect(Array.from(dy)).toEqual(Array.from(dy, (_, i) => (i % 2 === 1 ? 3 : 0)));
  });

  it("handles float64 arrays (through the reference loops)", () => {
    const y = new Float64Array(100).fill(0.1);
    kernels().axpy(2, new Float64Array(100).fill(0.1), y);
    expect(y[99]).toBe(0.1 + 2 * 0.1);
  });
});

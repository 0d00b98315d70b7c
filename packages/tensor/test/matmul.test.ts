import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DType, type Tensor, createRng, full, matmul, randn, tensor, transpose, zeros } from "../src/index.js";
import { dtypeArb, filled, seedArb } from "./arbitraries.js";
import { backends, useBackend } from "./backends.js";
import { refMatmul } from "./reference.js";

const F32_EPS = 2 ** -24;
const F64_EPS = 2 ** -53;

function plain(t: Tensor): { shape: number[]; values: number[] } {
  return { shape: t.shape.slice(), values: Array.from(t.data) };
}

/**
 * Checks every entry against the float64 triple loop within the classical error bound for a
 * dot product of length k: |ĉ − c| ≤ k·u·(|A|·|B|)ᵢⱼ, with u the unit roundoff of the dtype.
 */
function expectCloseToReference(got: Tensor, a: Tensor, b: Tensor, dtype: DType): void {
  const ref = refMatmul(plain(a), plain(b));
  const absA = { shape: a.shape.slice(), values: Array.from(a.data, Math.abs) };
  const absB = { shape: b.shape.slice(), values: Array.from(b.data, Math.abs) };
  const scale = refMatmul(absA, absB);
  const k = a.shape[1];
  const u = dtype === "float32" ? F32_EPS : F64_EPS;
  expect(got.shape).toEqual(ref.shape);
  for (let i = 0; i < ref.values.length; i++) {
    const bound = (k + 2) * u * scale.values[i];
    const err = Math.abs(got.data[i] - ref.values[i]);
    if (!(err <= bound)) throw new Error(`entry ${i}: got ${got.data[i]}, reference ${ref.values[i]}, error ${err} > bound ${bound}`);
  }
}

describe.each(backends)("matmul, backend $name", (backend) => {
  useBackend(backend);

  it("multiplies a hand-worked 2×2 pair", () => {
    // [1 2; 3 4]·[5 6; 7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8]
    const a = tensor([[1, 2], [3, 4]], "float64"), b = tensor([[5, 6], [7, 8]], "float64");
    expect(matmul(a, b).toArray()).toEqual([[19, 22], [43, 50]]);
    // Aᵀ·B with Aᵀ = [1 3; 2 4]: [1·5+3·7, 1·6+3·8; 2·5+4·7, 2·6+4·8]
    expect(matmul(a, b, { transposeA: true }).toArray()).toEqual([[26, 30], [38, 44]]);
    // A·Bᵀ with Bᵀ = [5 7; 6 8]: [1·5+2·6, 1·7+2·8; 3·5+4·6, 3·7+4·8]
    expect(matmul(a, b, { transposeB: true }).toArray()).toEqual([[17, 23], [39, 53]]);
    expect(matmul(a, b, { transposeA: true, transposeB: true }).toArray()).toEqual([[23, 31], [34, 46]]);
  });

  it("computes the three products of backprop on a layer of 784→256 at batch 128 as the naive loop does", () => {
    const rng = createRng(3);
    const x = randn([128, 784], rng, { dtype: "float64" });
    const w = randn([784, 256], rng, { dtype: "float64" });
    const dy = randn([128, 256], rng, { dtype: "float64" });
    expectCloseToReference(matmul(x, w), x, w, "float64");
    expectCloseToReference(matmul(x, dy, { transposeA: true }), transpose(x), dy, "float64");
    expectCloseToReference(matmul(dy, w, { transposeB: true }), dy, transpose(w), "float64");
  }, 60_000); // the plain-array reference does 10⁸ multiply-adds: slow on a loaded machine

  // Sizes straddle the register tile (4), the row block, the depth slab and the column block so
  // every edge path runs.
  const shapes: Array<[number, number, number]> = [
    [1, 1, 1], [1, 7, 3], [5, 1, 9], [3, 5, 1], [4, 4, 4], [5, 6, 7], [17, 33, 65], [67, 5, 400], [130, 9, 13], [9, 130, 800], [3, 2100, 5],
  ];
  for (const dtype of ["float64", "float32"] as const) {
    for (const [m, n, k] of shapes) {
      it(`agrees with the float64 triple loop for ${m}×${k}·${k}×${n} in every transpose combination (${dtype})`, () => {
        const rng = createRng(m * 1_000_000 + n * 1000 + k);
        const a = randn([m, k], rng, { dtype });
        const b = randn([k, n], rng, { dtype });
        const aT = transpose(a), bT = transpose(b);
        for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
          const out = full([m, n], NaN, dtype); // stale contents must be overwritten, not added to
          const got = matmul(ta ? aT : a, tb ? bT : b, { transposeA: ta, transposeB: tb, out });
          expect(got).toBe(out);
          expectCloseToReference(got, a, b, dtype);
        }
      }, 30_000);
    }
  }

  it("agrees with the reference on random small shapes, including zero-size, fresh or into out", () => {
    const dim = fc.integer({ min: 0, max: 11 });
    fc.assert(
      fc.property(dim, dim, dim, fc.boolean(), fc.boolean(), dtypeArb, seedArb, fc.boolean(), (m, n, k, ta, tb, dtype, seed, useOut) => {
        const a = filled([m, k], dtype, seed), b = filled([k, n], dtype, seed + 1);
        const out = useOut ? full([m, n], NaN, dtype) : undefined;
        const got = matmul(ta ? transpose(a) : a, tb ? transpose(b) : b, { transposeA: ta, transposeB: tb, out });
        if (out) expect(got).toBe(out);
        expectCloseToReference(got, a, b, dtype);
      }),
    );
  });

  it("is exact when every partial sum is representable (small integers)", () => {
    const rng = createRng(11);
    const a = zeros([37, 401], "float32"), b = zeros([401, 23], "float32");
    for (const t of [a, b]) for (let i = 0; i < t.size; i++) t.data[i] = rng.int(7) - 3;
    const got = matmul(a, b);
    const ref = refMatmul(plain(a), plain(b));
    expect(Array.from(got.data)).toEqual(ref.values);
  });

  it("handles empty dimensions: an empty inner dimension gives zeros", () => {
    expect(matmul(zeros([0, 3]), zeros([3, 4])).shape).toEqual([0, 4]);
    expect(matmul(zeros([2, 3]), zeros([3, 0])).shape).toEqual([2, 0]);
    const out = full([2, 4], NaN);
    expect(matmul(zeros([2, 0]), zeros([0, 4]), { out }).toArray()).toEqual([[0, 0, 0, 0], [0, 0, 0, 0]]);
  });

  it("promotes float32 · float64 to float64", () => {
    const r = matmul(tensor([[1, 2]], "float32"), tensor([[0.1], [0.2]], "float64"));
    expect(r.dtype).toBe("float64");
    expect(r.data[0]).toBe(1 * 0.1 + 2 * 0.2);
  });
});

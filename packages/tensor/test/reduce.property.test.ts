import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DType, type Tensor, argmax, logSoftmax, logSumExp, max, mean, min, softmax, sum, transpose } from "../src/index.js";
import { dtypeArb, filled, maybeOut, seedArb, shapeArb } from "./arbitraries.js";
import { backends, useBackend } from "./backends.js";
import { type Plain, exactSum, refAlongAxis, refMapAxis, store } from "./reference.js";

const F64_EPS = 2 ** -53;
/** Unit roundoff of the dtype the result is stored in. */
const unit = (dtype: DType) => (dtype === "float32" ? 2 ** -24 : F64_EPS);

function plain(t: Tensor): Plain {
  return { shape: t.shape.slice(), values: Array.from(t.data) };
}

/** A shape with an axis to reduce over (undefined: every element), possibly negative, and keepDims. */
const reductionArb = fc.tuple(shapeArb, fc.integer({ min: -5, max: 4 }), fc.boolean(), fc.boolean()).map(([shape, axisPick, all, keepDims]) => {
  const rank = shape.length;
  // Pick a valid axis in [−rank, rank) when rank > 0; reduce everything otherwise.
  const axis = all || rank === 0 ? undefined : ((axisPick % (2 * rank)) + 2 * rank) % (2 * rank) - rank;
  return { shape, axis, keepDims };
});

function expectWithin(got: Tensor, expected: Plain, bounds: number[]): void {
  expect(got.shape).toEqual(expected.shape);
  for (let i = 0; i < expected.values.length; i++) {
    const err = Math.abs(got.data[i] - expected.values[i]);
    if (!(err <= bounds[i]) && !(got.data[i] === expected.values[i])) {
      throw new Error(`element ${i}: got ${got.data[i]}, expected ${expected.values[i]}, error ${err} > ${bounds[i]}`);
    }
  }
}

/** True when the reduced axis (every element when undefined) is empty: ops without an identity must refuse. */
function emptyAxis(a: Tensor, axis: number | undefined): boolean {
  return (axis === undefined ? a.size : a.shape[axis < 0 ? axis + a.rank : axis]) === 0;
}

describe.each(backends)("reductions and softmax against the reference, backend $name", (backend) => {
  useBackend(backend);

  it("sum is within the float64 summation bound of the exact sum (zero-size axis sums to 0)", () => {
    fc.assert(
      fc.property(reductionArb, dtypeArb, seedArb, fc.boolean(), ({ shape, axis, keepDims }, dtype, seed, useOut) => {
        const a = filled(shape, dtype, seed);
        const expected = refAlongAxis(plain(a), axis, keepDims, (row) => store(exactSum(row), dtype));
        // Each float64 addition errs by at most u·(partial sum) ≤ u·Σ|x|; then one rounding to the dtype.
        const bounds = refAlongAxis(plain(a), axis, keepDims, (row) => row.length * F64_EPS * exactSum(row.map(Math.abs)));
        const got = sum(a, axis, keepDims, maybeOut(useOut, expected.shape, dtype));
        expectWithin(got, expected, bounds.values.map((b, i) => b + unit(dtype) * Math.abs(expected.values[i])));
      }),
    );
  });

  it("mean is the sum over the axis length, within the same bound; an empty axis is refused", () => {
    fc.assert(
      fc.property(reductionArb, dtypeArb, seedArb, fc.boolean(), ({ shape, axis, keepDims }, dtype, seed, useOut) => {
        const a = filled(shape, dtype, seed);
        const expected = refAlongAxis(plain(a), axis, keepDims, (row) => store(exactSum(row) / row.length, dtype));
        const out = maybeOut(useOut, expected.shape, dtype);
        if (expected.values.length > 0 && emptyAxis(a, axis)) {
          expect(() => mean(a, axis, keepDims, out)).toThrow(/mean: cannot reduce over/);
          return;
        }
        const bounds = refAlongAxis(plain(a), axis, keepDims, (row) => (row.length + 1) * F64_EPS * exactSum(row.map(Math.abs)) / row.length);
        const got = mean(a, axis, keepDims, out);
        expectWithin(got, expected, bounds.values.map((b, i) => b + unit(dtype) * Math.abs(expected.values[i])));
      }),
    );
  });

  for (const [name, op, pick] of [["max", max, Math.max], ["min", min, Math.min]] as const) {
    it(`${name} picks exactly the reference value; an empty axis is refused`, () => {
      fc.assert(
        fc.property(reductionArb, dtypeArb, seedArb, fc.boolean(), ({ shape, axis, keepDims }, dtype, seed, useOut) => {
          const a = filled(shape, dtype, seed);
          const expected = refAlongAxis(plain(a), axis, keepDims, (row) => pick(...row));
          const out = maybeOut(useOut, expected.shape, dtype);
          if (expected.values.length > 0 && emptyAxis(a, axis)) {
            expect(() => op(a, axis, keepDims, out)).toThrow(new RegExp(`${name}: cannot reduce over`));
            return;
          }
          const got = op(a, axis, keepDims, out);
          expect(got.shape).toEqual(expected.shape);
          expect(Array.from(got.data)).toEqual(expected.values);
        }),
      );
    });
  }

  it("argmax is the first index of the maximum", () => {
    fc.assert(
      fc.property(reductionArb, dtypeArb, seedArb, fc.boolean(), ({ shape, axis, keepDims }, dtype, seed, useOut) => {
        // Small integers make ties common, so "first index" is exercised.
        const a = filled(shape, dtype, seed);
        for (let i = 0; i < a.size; i++) a.data[i] = Math.round(a.data[i] / (Math.abs(a.data[i]) + 1));
        const expected = refAlongAxis(plain(a), axis, keepDims, (row) => row.indexOf(Math.max(...row)));
        const out = maybeOut(useOut, expected.shape, "float64");
        if (expected.values.length > 0 && emptyAxis(a, axis)) {
          expect(() => argmax(a, axis, keepDims, out)).toThrow(/argmax: cannot take the argmax of an empty axis/);
          return;
        }
        const got = argmax(a, axis, keepDims, out);
        expect(got.dtype).toBe("float64");
        expect(got.shape).toEqual(expected.shape);
        expect(Array.from(got.data)).toEqual(expected.values);
      }),
    );
  });

  /** log Σ exp(x) in float64 with an exactly rounded sum: the reference for logSumExp and logSoftmax. */
  const refLse = (row: number[]) => {
    const m = Math.max(...row);
    return m + Math.log(exactSum(row.map((x) => Math.exp(x - m))));
  };

  it("logSumExp matches log Σ exp to a few ulp; an empty axis gives −∞", () => {
    fc.assert(
      fc.property(reductionArb, dtypeArb, seedArb, fc.boolean(), ({ shape, axis, keepDims }, dtype, seed, useOut) => {
        const a = filled(shape, dtype, seed);
        const expected = refAlongAxis(plain(a), axis, keepDims, (row) => (row.length === 0 ? -Infinity : store(refLse(row), dtype)));
        // exp and log each err by about one ulp and the sum by n ulp: the error in the result is
        // about (n + 4)·u in absolute terms plus u·|m| from adding the max back, then one rounding.
        const bounds = refAlongAxis(plain(a), axis, keepDims, (row) => (row.length + 4) * F64_EPS * (1 + Math.abs(Math.max(...row))));
        const got = logSumExp(a, axis, keepDims, maybeOut(useOut, expected.shape, dtype));
        expectWithin(got, expected, bounds.values.map((b, i) => b + unit(dtype) * Math.abs(expected.values[i])));
      }),
    );
  });

  const softmaxArb = fc.tuple(shapeArb.filter((s) => s.length > 0), fc.nat(7)).map(([shape, pick]) => ({ shape, axis: (pick % (2 * shape.length)) - shape.length }));

  it("softmax matches exp(x − m) / Σ exp(x − m) to a few ulp, along any axis, in place or not", () => {
    fc.assert(
      fc.property(softmaxArb, dtypeArb, seedArb, fc.constantFrom("fresh", "out", "in-place"), ({ shape, axis }, dtype, seed, mode) => {
        const a = filled(shape, dtype, seed);
        const input = plain(a);
        const expected = refMapAxis(input, axis, (row) => {
          const m = Math.max(...row);
          const s = exactSum(row.map((x) => Math.exp(x - m)));
          return row.map((x) => store(Math.exp(x - m) / s, dtype));
        });
        const n = shape[axis < 0 ? axis + shape.length : axis];
        const out = mode === "out" ? maybeOut(true, shape, dtype) : mode === "in-place" ? a : undefined;
        const got = softmax(a, axis, out);
        // exp, the division and the sum add (n + 3) float64 roundings; float32 adds two float32
        // roundings, and near underflow an absolute error of the smallest subnormal.
        const f32 = dtype === "float32";
        expectWithin(got, expected, expected.values.map((p) => ((n + 3) * F64_EPS + (f32 ? 2 * unit(dtype) : 0)) * p + (f32 ? 2 ** -149 : 2 ** -1074)));
      }),
    );
  });

  it("logSoftmax matches x − log Σ exp(x) to a few ulp, along any axis", () => {
    fc.assert(
      fc.property(softmaxArb, dtypeArb, seedArb, fc.boolean(), ({ shape, axis }, dtype, seed, useOut) => {
        const a = filled(shape, dtype, seed);
        const input = plain(a);
        const expected = refMapAxis(input, axis, (row) => {
          const lse = refLse(row);
          return row.map((x) => store(x - lse, dtype));
        });
        const scale = refMapAxis(input, axis, (row) => {
          const m = Math.max(...row.map(Math.abs));
          return row.map(() => (row.length + 4) * F64_EPS * (1 + 2 * m));
        });
        const got = logSoftmax(a, axis, maybeOut(useOut, shape, dtype));
        // float32: the reference and the op each round a float64 value to float32; when the exact
        // value lies near a rounding boundary the two land one float32 ulp (2u·|x|) apart.
        const storeRounding = dtype === "float32" ? 2 * unit(dtype) : unit(dtype);
        expectWithin(got, expected, scale.values.map((b, i) => b + storeRounding * Math.abs(expected.values[i])));
      }),
    );
  });

  it("transpose moves element [i, j] to [j, i] exactly", () => {
    fc.assert(
      fc.property(fc.nat(9), fc.nat(40), dtypeArb, seedArb, fc.boolean(), (rows, cols, dtype, seed, useOut) => {
        const a = filled([rows, cols], dtype, seed);
        const got = transpose(a, maybeOut(useOut, [cols, rows], dtype));
        expect(got.shape).toEqual([cols, rows]);
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(got.data[j * rows + i]).toBe(a.data[i * cols + j]);
      }),
    );
  });
});

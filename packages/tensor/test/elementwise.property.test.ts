import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Tensor, abs, add, clip, div, elementary, exp, log, mul, neg, promoteTypes, sameShape, sqrt, sub } from "../src/index.js";
import { broadcastPairArb, dtypeArb, filled, maybeOut, seedArb, shapeArb } from "./arbitraries.js";
import { backends, useBackend } from "./backends.js";
import { refBinary, store } from "./reference.js";

const binaryOps = [
  { name: "add", op: add, f: (x: number, y: number) => x + y },
  { name: "sub", op: sub, f: (x: number, y: number) => x - y },
  { name: "mul", op: mul, f: (x: number, y: number) => x * y },
  { name: "div", op: div, f: (x: number, y: number) => x / y },
] as const;

const unaryOps = [
  { name: "neg", op: neg, f: (x: number) => -x },
  // The kernels call @nn/tensor's own exp and log (same bits in every engine), not Math's; their
  // accuracy against mpmath is tested in elementary.test.ts.
  { name: "exp", op: exp, f: elementary.exp },
  { name: "log", op: log, f: elementary.log },
  { name: "sqrt", op: sqrt, f: Math.sqrt },
  { name: "abs", op: abs, f: Math.abs },
] as const;

function plain(t: Tensor) {
  return { shape: t.shape.slice(), values: Array.from(t.data) };
}

describe.each(backends)("element-wise ops against the reference, backend $name", (backend) => {
  useBackend(backend);

  // One float32 rounding of an exact float64 result is the correctly rounded float32 answer, so
  // every element-wise op must equal the reference bit for bit, in both dtypes.
  for (const { name, op, f } of binaryOps) {
    it(`${name} broadcasts like NumPy and is exact (mixed dtypes, scalars, zero-size, out)`, () => {
      fc.assert(
        fc.property(broadcastPairArb, dtypeArb, dtypeArb, seedArb, fc.boolean(), fc.constantFrom("tensor", "scalar-a", "scalar-b"), (shapes, da, db, seed, useOut, form) => {
          const a = filled(shapes.a, da, seed, "special");
          const b = filled(shapes.b, db, seed + 1, "special");
          if (form === "tensor") {
            const dtype = promoteTypes(da, db);
            const expected = refBinary(f, plain(a), plain(b), dtype);
            const out = maybeOut(useOut, expected.shape, dtype);
            const got = op(a, b, out);
            if (out) expect(got).toBe(out);
            expect(got.dtype).toBe(dtype);
            expect(got.shape).toEqual(expected.shape);
            expect(Array.from(got.data)).toEqual(expected.values);
          } else {
            // A number takes the tensor's dtype, as NumPy's Python scalars do.
            const x = 2.5;
            const scalar = { shape: [], values: [store(x, da)] };
            const expected = form === "scalar-a" ? refBinary(f, scalar, plain(a), da) : refBinary(f, plain(a), scalar, da);
            const got = form === "scalar-a" ? op(x, a, maybeOut(useOut, a.shape, da)) : op(a, x, maybeOut(useOut, a.shape, da));
            expect(got.dtype).toBe(da);
            expect(Array.from(got.data)).toEqual(expected.values);
          }
        }),
      );
    });
  }

  it("binary ops write in place into a non-broadcast operand", () => {
    fc.assert(
      fc.property(broadcastPairArb, dtypeArb, seedArb, (shapes, dtype, seed) => {
        const a = filled(shapes.a, dtype, seed);
        const b = filled(shapes.b, dtype, seed + 1);
        const expected = add(a, b);
        fc.pre(sameShape(expected.shape, a.shape));
        const before = a.data;
        add(a, b, a);
        expect(a.data).toBe(before);
        expect(Array.from(a.data)).toEqual(Array.from(expected.data));
      }),
    );
  });

  for (const { name, op, f } of unaryOps) {
    it(`${name} equals the reference element by element (zero-size, specials, out, in place)`, () => {
      fc.assert(
        fc.property(shapeArb, dtypeArb, seedArb, fc.constantFrom("fresh", "out", "in-place"), (shape, dtype, seed, mode) => {
          const a = filled(shape, dtype, seed, "special");
          const expected = Array.from(a.data, (x) => store(f(x), dtype));
          const out = mode === "out" ? maybeOut(true, shape, dtype) : mode === "in-place" ? a : undefined;
          const got = op(a, out);
          if (out) expect(got).toBe(out);
          expect(got.shape).toEqual(shape);
          expect(Array.from(got.data)).toEqual(expected);
        }),
      );
    });
  }

  // Compared with signed zeros identified: which zero max(−0, 0) returns is not specified by IEEE 754.
  it("clip equals min(max(x, lo), hi) with NaN kept", () => {
    fc.assert(
      fc.property(shapeArb, dtypeArb, seedArb, fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.boolean(), (shape, dtype, seed, lo, width, useOut) => {
        const a = filled(shape, dtype, seed, "special");
        const hi = lo + width;
        const expected = Array.from(a.data, (x) => (Number.isNaN(x) ? NaN : store(Math.min(Math.max(x, lo), hi), dtype) + 0));
        const got = clip(a, lo, hi, maybeOut(useOut, shape, dtype));
        expect(Array.from(got.data, (v) => v + 0)).toEqual(expected);
      }),
    );
  });
});

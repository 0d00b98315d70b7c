/** fast-check generators for the property suites: shapes of rank 0–4 with zero-size dims, broadcast pairs, filled tensors. */
import fc from "fast-check";
import { type DType, type Tensor, createRng, full, zeros } from "../src/index.js";

export const dtypeArb = fc.constantFrom<DType>("float32", "float64");

/** Ranks 0–4, each dimension 0–4: zero-size tensors come up often. */
export const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 });

/** Two shapes that broadcast: both derived from one result shape by dropping leading axes and setting axes to 1. */
export const broadcastPairArb = fc
  .tuple(shapeArb, fc.nat(4), fc.nat(4), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }))
  .map(([shape, dropA, dropB, onesA, onesB]) => {
    const derive = (drop: number, ones: boolean[]) => shape.slice(Math.min(drop, shape.length)).map((d, i) => (ones[i] ? 1 : d));
    return { a: derive(dropA, onesA), b: derive(dropB, onesB) };
  });

export type ValueKind = "finite" | "special";

/**
 * A tensor filled from a seed: normals at a random scale, plus (for "special") exact zeros of both
 * signs, infinities and NaN. Float32 tensors hold the float32 rounding of each value.
 */
export function filled(shape: readonly number[], dtype: DType, seed: number, kind: ValueKind = "finite"): Tensor {
  const t = zeros(shape, dtype);
  const rng = createRng(seed);
  const scale = [1, 10, 1000][rng.int(3)];
  const specials = [0, -0, Infinity, -Infinity, NaN, 1, -1];
  for (let i = 0; i < t.size; i++) {
    t.data[i] = kind === "special" && rng.next() < 0.2 ? specials[rng.int(specials.length)] : scale * rng.normal();
  }
  return t;
}

/** Either no out, or an out pre-filled with NaN so a kernel that forgets an element is caught. */
export function maybeOut(useOut: boolean, shape: readonly number[], dtype: DType): Tensor | undefined {
  return useOut ? full(shape, NaN, dtype) : undefined;
}

export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

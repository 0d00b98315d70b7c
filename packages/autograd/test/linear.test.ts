import { describe, expect, it } from "vitest";
import { ShapeError, createRng, randn } from "@nn/tensor";
import { Variable, add, linear, matmul, mul, relu, sum } from "../src/index.js";

describe("linear", () => {
  it.each(["float64", "float32"] as const)("gives add(matmul(x, w), b)'s value and gradients bit for bit (%s)", (dtype) => {
    const rng = createRng(8);
    const x = randn([5, 3], rng, { dtype }), r = randn([5, 4], rng, { dtype });
    const leaves = (): Variable[] => [x, randn([3, 4], createRng(9), { dtype }), randn([4], createRng(10), { dtype })].map((t) => new Variable(t.clone(), { requiresGrad: true }));
    const [x1, w1, b1] = leaves(), [x2, w2, b2] = leaves();
    const fused = linear(x1, w1, b1), composed = add(matmul(x2, w2), b2);
    expect(Array.from(fused.value.data)).toEqual(Array.from(composed.value.data));
    sum(mul(fused, r)).backward();
    sum(mul(composed, r)).backward();
    for (const [a, b] of [[x1, x2], [w1, w2], [b1, b2]]) expect(Array.from(a.grad.data)).toEqual(Array.from(b.grad.data));
  });

  it.each(["float64", "float32"] as const)("with { relu: true } gives relu(linear(x, w, b))'s value and gradients bit for bit (%s)", (dtype) => {
    const rng = createRng(18);
    const x = randn([6, 3], rng, { dtype }), r = randn([6, 4], rng, { dtype });
    const leaves = (): Variable[] => [x, randn([3, 4], createRng(19), { dtype }), randn([4], createRng(20), { dtype })].map((t) => new Variable(t.clone(), { requiresGrad: true }));
    const [x1, w1, b1] = leaves(), [x2, w2, b2] = leaves();
    const fused = linear(x1, w1, b1, { relu: true }), composed = relu(linear(x2, w2, b2));
    expect(Array.from(fused.value.data)).toEqual(Array.from(composed.value.data));
    expect(Array.from(fused.value.data).some((v) => v === 0) && Array.from(fused.value.data).some((v) => v > 0)).toBe(true);
    sum(mul(fused, r)).backward();
    sum(mul(composed, r)).backward();
    for (const [a, b] of [[x1, x2], [w1, w2], [b1, b2]]) expect(Array.from(a.grad.data)).toEqual(Array.from(b.grad.data));
  });

  it("refuses unknown options and shapes that do not make a dense layer, naming them", () => {
    expect(() => linear(randn([2, 3], createRng(1)), randn([3, 4], createRng(2)), undefined, { rleu: true } as never)).toThrow('linear: unknown option "rleu" (did you mean "relu"?)');
    const rng = createRng(1);
    const x = randn([2, 3], rng), w = randn([3, 4], rng);
    expect(() => linear(x, w, randn([3], rng))).toThrow(new ShapeError("linear: b must be [4] (one value per output column of w [3,4]), got [3]"));
    expect(() => linear(x, randn([2, 4], rng))).toThrow("linear: x [m, k] and w [k, n] must share k, got [2,3] · [2,4]");
    expect(() => linear(randn([3], rng), w)).toThrow("linear: x and w must be 2-D, got [3] · [3,4]");
  });
});

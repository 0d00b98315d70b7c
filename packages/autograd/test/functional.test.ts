import { describe, expect, it } from "vitest";
import { ShapeError, tensor } from "@nn/tensor";
import { type Variable, grad, matmul, mul, sum, tanh, valueAndGrad } from "../src/index.js";

describe("grad and valueAndGrad", () => {
  it("grad(f)(x) is ∂f/∂x: f = Σx³ gives 3x²", () => {
    const g = grad((x) => sum(mul(mul(x, x), x)))(tensor([1, -2, 0.5], "float64"));
    expect(g.toArray()).toEqual([3, 12, 0.75]);
  });

  it("differentiates with respect to several arguments with argnums", () => {
    // f(a, b) = Σ a·b for a [1,2], b [2,1] as a matrix product: ∂f/∂a = bᵀ, ∂f/∂b = aᵀ.
    const f = (a: Variable, b: Variable): Variable => sum(matmul(a, b));
    const [ga, gb] = grad(f, { argnums: [0, 1] })(tensor([[1, 2]], "float64"), tensor([[3], [4]], "float64"));
    expect(ga.toArray()).toEqual([[3, 4]]);
    expect(gb.toArray()).toEqual([[1], [2]]);
    expect(grad(f, { argnums: 1 })(tensor([[1, 2]], "float64"), tensor([[3], [4]], "float64")).toArray()).toEqual([[1], [2]]);
  });

  it("valueAndGrad returns f's value too, and takes numbers as rank-0 float64 tensors", () => {
    const { value, grad: g } = valueAndGrad((x) => tanh(x))(0.5);
    expect(value).toBe(Math.tanh(0.5));
    expect(g.toArray()).toBe(1 - Math.tanh(0.5) ** 2);
  });

  it("gives zeros for a result that does not depend on the argument", () => {
    expect(grad((_x, y) => sum(y))(tensor([1, 2], "float64"), tensor([3], "float64")).toArray()).toEqual([0, 0]);
  });

  it("names what is wrong with f or argnums", () => {
    expect(() => grad((x) => mul(x, 2))(tensor([1, 2], "float64"))).toThrow(ShapeError);
    expect(() => grad((x) => mul(x, 2))(tensor([1, 2], "float64"))).toThrow("grad: f must return a scalar, got shape [2]; reduce it with sum or mean");
    expect(() => grad(() => 3 as unknown as Variable)(tensor([1], "float64"))).toThrow("grad: f must return a Variable");
    expect(() => grad((x) => sum(x), { argnums: 2 })(tensor([1], "float64"))).toThrow("grad: argnums asks for argument 2, but f was called with 1 argument(s)");
    expect(() => grad((x) => sum(x), { argnums: -1 })).toThrow("grad: argnums must be non-negative integers, got -1");
    expect(() => grad(3 as never)).toThrow("grad: f must be a function of variables, got number");
  });
});

import { describe, expect, it } from "vitest";
import { ShapeError, tensor } from "@nn/tensor";
import { Variable, add, mul, noGrad, sum, tanh } from "../src/index.js";

const leaf = (values: number[], name?: string): Variable => new Variable(tensor(values, "float64"), { requiresGrad: true, name });

describe("backward", () => {
  it("differentiates a shared subexpression once per use: d(x² + x)/dx = 2x + 1", () => {
    const x = leaf([1, -2, 3]);
    sum(add(mul(x, x), x)).backward();
    expect(x.grad.toArray()).toEqual([3, -3, 7]);
  });

  it("accumulates into grad across backward calls, as PyTorch (zeroGrad resets)", () => {
    const x = leaf([2, 5]);
    sum(mul(x, 3)).backward();
    sum(mul(x, 3)).backward();
    expect(x.grad.toArray()).toEqual([6, 6]);
    const y = sum(mul(x, x));
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad.toArray()).toEqual([6 + 2 * 4, 6 + 2 * 10]);
    const held = x.grad;
    x.zeroGrad();
    expect(held.toArray()).toEqual([0, 0]);
    expect(x.grad).toBe(held);
  });

  it("walks a 10,000-op chain without recursion", () => {
    const x = leaf([0.5]);
    let y: Variable = x;
    for (let i = 0; i < 10_000; i++) y = add(y, 1e-4);
    y = mul(y, y);
    y.backward();
    // y = (x + 1)², dy/dx = 2(x + 1) = 3 (each add of 1e-4 rounds, so allow a few ulp of drift).
    expect(Math.abs(x.grad.data[0] - 3) < 1e-10).toBe(true);
  });

  it("walks a 10,000-op chain of tanh with the product rule for the derivative", () => {
    const x = leaf([0.1]);
    let y: Variable = x;
    let expected = 1;
    let value = 0.1;
    for (let i = 0; i < 10_000; i++) {
      y = tanh(y);
      value = Math.tanh(value);
      expected *= 1 - value * value;
    }
    y.backward();
    expect(Math.abs(x.grad.data[0] - expected) <= 1e-12 * Math.abs(expected)).toBe(true);
  });

  it("refuses a second backward through a freed graph, naming the way out", () => {
    const x = leaf([1, 2]);
    const y = sum(mul(x, x));
    y.backward();
    expect(() => y.backward()).toThrow(/the graph through Variable\(sum .*\) was already freed by an earlier backward\(\); call the first backward with \{ retainGraph: true \}/);
    expect(x.grad.toArray()).toEqual([2, 4]);
  });

  it("refuses a non-scalar without a seed, and takes a seed of its shape", () => {
    const x = leaf([1, 2, 3]);
    const y = mul(x, x);
    expect(() => y.backward()).toThrow(ShapeError);
    expect(() => y.backward()).toThrow("is not a scalar; backward() without a seed needs a single-element result (reduce it with sum or mean first), or pass the gradient of the loss with respect to it: backward(seed) with seed of shape [3]");
    expect(() => y.backward(tensor([1, 2], "float64"))).toThrow("backward: seed has shape [2] but Variable(mul float64 [3], gradFn=mul) has shape [3]");
    y.backward(tensor([1, 0, -1], "float64"));
    expect(x.grad.toArray()).toEqual([2, 0, -6]);
  });

  it("takes a number seed for a scalar", () => {
    const x = leaf([4]);
    sum(mul(x, x)).backward(0.5);
    expect(x.grad.toArray()).toEqual([4]);
  });

  it("refuses backward from something that needs no gradient", () => {
    const c = new Variable(tensor([1, 2], "float64"));
    expect(() => sum(c).backward()).toThrow(/does not require a gradient: no input had requiresGrad: true, or it was computed inside noGrad/);
  });

  it("gives no gradient to inputs that do not require one", () => {
    const x = leaf([1, 2]);
    const c = new Variable(tensor([3, 4], "float64"));
    sum(mul(x, c)).backward();
    expect(x.grad.toArray()).toEqual([3, 4]);
    expect(c.grad.toArray()).toEqual([0, 0]);
  });

  it("keeps intermediate gradients only when asked (retainGrad)", () => {
    const x = leaf([1, 2]);
    const h = mul(x, 2).retainGrad();
    const unretained = mul(h, 1);
    sum(mul(unretained, unretained)).backward();
    // L = Σ (2x)², ∂L/∂h = 2h = 4x
    expect(h.grad.toArray()).toEqual([4, 8]);
    expect(unretained.grad.toArray()).toEqual([0, 0]);
  });

  it("refuses a vector-Jacobian product that returns the wrong shape, naming the op", () => {
    const x = leaf([1, 2]);
    const broken = new Variable(tensor(3, "float64"), {}, { op: "broken", inputs: [x], vjp: () => [tensor([1, 2, 3], "float64")] });
    expect(() => broken.backward()).toThrow(/backward: broken returned a gradient of shape \[3\] for its input 0 \(Variable\(.* float64 \[2\], requiresGrad\)\); a VJP must return one of the input's shape/);
    expect(x.grad.toArray()).toEqual([0, 0]);
  });

  it("refuses a backward() started from inside a vector-Jacobian product, and recovers", () => {
    const x = leaf([1, 2]);
    const inner = sum(mul(x, x));
    const nesting = new Variable(tensor(0, "float64"), {}, { op: "nesting", inputs: [x], vjp: () => {
      inner.backward();
      return [tensor([0, 0], "float64")];
    } });
    expect(() => nesting.backward()).toThrow(/was called from inside a vector-Jacobian product while another backward\(\) is running/);
    inner.backward();
    expect(x.grad.toArray()).toEqual([2, 4]);
  });

  it("only lets a leaf change requiresGrad", () => {
    const x = leaf([1]);
    const y = mul(x, 2);
    expect(() => {
      y.requiresGrad = false;
    }).toThrow(/requiresGrad can only be changed on a leaf; this is the result of mul/);
    x.requiresGrad = false;
    expect(mul(x, 2).requiresGrad).toBe(false);
  });
});

describe("noGrad and detach", () => {
  it("noGrad records nothing, restores the mode, and returns fn's value", () => {
    const x = leaf([1, 2]);
    const y = noGrad(() => mul(x, x));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    expect(y.value.toArray()).toEqual([1, 4]);
    expect(() => noGrad(() => { throw new Error("inside"); })).toThrow("inside");
    expect(mul(x, x).requiresGrad).toBe(true);
  });

  it("detach shares the value and stops the gradient", () => {
    const x = leaf([3]);
    const d = x.detach();
    expect(d.value).toBe(x.value);
    expect(d.requiresGrad).toBe(false);
    // L = x·stop(x): ∂L/∂x = stop(x) = 3, not 2x = 6.
    sum(mul(x, d)).backward();
    expect(x.grad.toArray()).toEqual([3]);
  });
});

describe("Variable", () => {
  it("is the { name, value, grad } shape of an optimizer parameter", () => {
    const w = new Variable(tensor([[1, 2]], "float32"), { requiresGrad: true, name: "w" });
    expect(w.name).toBe("w");
    expect(w.grad.shape).toEqual([1, 2]);
    expect(w.grad.dtype).toBe("float32");
    expect(() => {
      w.grad = tensor([1, 2, 3]);
    }).toThrow('Variable "w": grad must have the value\'s shape [1,2], got [3]');
  });

  it("refuses a non-tensor value and a non-scalar item()", () => {
    expect(() => new Variable([1, 2] as never)).toThrow("Variable: value must be a Tensor, got object");
    expect(() => leaf([1, 2]).item()).toThrow("item() needs a single element, got shape [2]");
  });

  it("accumulates a float64 gradient into a float32 parameter's grad", () => {
    const w = new Variable(tensor([1, 2], "float32"), { requiresGrad: true });
    sum(mul(w, tensor([0.5, 0.25], "float64"))).backward();
    expect(w.grad.dtype).toBe("float32");
    expect(w.grad.toArray()).toEqual([0.5, 0.25]);
  });
});

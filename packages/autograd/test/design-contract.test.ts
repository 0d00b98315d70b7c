// Calls @nn/autograd as docs/api.md (its @nn/autograd section) and /work/shared/DESIGN.md write it,
// and checks that every runtime export is named in that section.
import { describe, expect, it } from "vitest";
import { SGD } from "@nn/optim";
import { tensor } from "@nn/tensor";
import { undocumentedExports } from "../../../test-support/api-reference.js";
import * as ag from "../src/index.js";

describe("the @nn/autograd contract", () => {
  it("new Variable(tensor, { requiresGrad }) has value, grad and backward(), and an optimizer steps it", () => {
    const w = new ag.Variable(tensor([1, -2], "float64"), { requiresGrad: true });
    // L = Σ w² + Σ w, ∂L/∂w = 2w + 1
    ag.sum(ag.add(ag.mul(w, w), w)).backward();
    expect(w.grad.toArray()).toEqual([3, -3]);
    new SGD([w], { lr: 0.5 }).step();
    expect(w.value.toArray()).toEqual([1 - 1.5, -2 + 1.5]);
  });

  it("the named operations take variables or tensors", () => {
    const x = new ag.Variable(tensor([[0.5, 1]], "float64"), { requiresGrad: true });
    const m = tensor([[2], [3]], "float64");
    const ops = [ag.add(x, x), ag.sub(x, 1), ag.mul(x, 2), ag.div(x, 2), ag.matmul(x, m), ag.neg(x), ag.exp(x), ag.log(x), ag.tanh(x), ag.sigmoid(x), ag.relu(x), ag.sum(x), ag.mean(x)];
    for (const y of ops) expect(y).toBeInstanceOf(ag.Variable);
    expect(ag.matmul(x, m).value.toArray()).toEqual([[4]]);
  });

  it("grad(f)(x) is df/dx and valueAndGrad(f)(x) returns both", () => {
    const f = (x: ag.Variable): ag.Variable => ag.sum(ag.mul(x, x));
    expect(ag.grad(f)(tensor([1, 2], "float64")).toArray()).toEqual([2, 4]);
    const { value, grad } = ag.valueAndGrad(f)(tensor([3], "float64"));
    expect(value).toBe(9);
    expect(grad.toArray()).toEqual([6]);
  });

  it("docs/api.md names every runtime export", async () => {
    expect(undocumentedExports("@nn/autograd", await import("../src/index.js"))).toEqual([]);
  });
});

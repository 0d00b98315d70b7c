import { describe, expect, it } from "vitest";
import { Adam, SGD } from "@nn/optim";
import { createRng, randn, tensor } from "@nn/tensor";
import { Variable, add, matmul, mseLoss, noGrad } from "../src/index.js";

describe("variables are @nn/optim parameters as they stand", () => {
  it("SGD takes one step w ← w − lr·∂L/∂w (worked by hand)", () => {
    // L = mean((x·w − y)²) with x = [[1, 2]], w = [[0.5], [1]], y = [[1]]: residual 1.5, ∂L/∂w = 2·1.5·xᵀ = [[3], [6]].
    const w = new Variable(tensor([[0.5], [1]], "float64"), { requiresGrad: true, name: "w" });
    const opt = new SGD([w], { lr: 0.1 });
    opt.zeroGrad();
    mseLoss(matmul(tensor([[1, 2]], "float64"), w), tensor([[1]], "float64")).backward();
    expect(w.grad.toArray()).toEqual([[3], [6]]);
    opt.step();
    expect((w.value.toArray() as number[][]).map((r) => r[0])).toEqual([0.5 - 0.1 * 3, 1 - 0.1 * 6]);
  });

  it("Adam trains a linear model written with autograd to the generating weights", () => {
    const rng = createRng(3);
    const x = randn([64, 3], rng, { dtype: "float64" });
    const trueW = tensor([[1.5], [-2], [0.5]], "float64");
    const y = noGrad(() => add(matmul(x, trueW), 0.25)).value;
    const w = new Variable(tensor([[0], [0], [0]], "float64"), { requiresGrad: true, name: "weight" });
    const b = new Variable(tensor([0], "float64"), { requiresGrad: true, name: "bias" });
    const opt = new Adam([w, b], { lr: 0.05 });
    for (let step = 0; step < 600; step++) {
      opt.zeroGrad();
      mseLoss(add(matmul(x, w), b), y).backward();
      opt.step();
    }
    const got = w.value.data;
    [1.5, -2, 0.5].forEach((expected, i) => expect(Math.abs(got[i] - expected) < 1e-3, `w[${i}] = ${got[i]}`).toBe(true));
    expect(Math.abs(b.value.data[0] - 0.25) < 1e-3).toBe(true);
    expect(opt.stateDict().state.map((s) => s?.name)).toEqual(["weight", "bias"]);
  });
});

// Scalar trajectories worked out by hand from the published update rules (PyTorch's docs),
// with the arithmetic written next to each expected number.
import { describe, expect, it } from "vitest";
import { Adagrad, Adam, AdamW, RMSprop, SGD } from "../src/index.js";
import { scalar } from "./parameters.js";

describe("SGD by hand", () => {
  it("plain: θ ← θ − lr·g", () => {
    const p = scalar("w", 1);
    const opt = new SGD([p], { lr: 0.5 });
    p.grad.data[0] = 0.25;
    opt.step(); // 1 − 0.5·0.25 = 0.875
    expect(p.value.data[0]).toBe(0.875);
  });

  it("momentum: the buffer starts as the first gradient, then b ← μb + g", () => {
    // μ = 0.5, lr = 0.25, g = 1 each step, θ0 = 0 (powers of two keep every step exact):
    // b1 = 1,    θ1 = −0.25
    // b2 = 1.5,  θ2 = −0.25 − 0.375 = −0.625
    // b3 = 1.75, θ3 = −0.625 − 0.4375 = −1.0625
    const p = scalar("w", 0);
    const opt = new SGD([p], { lr: 0.25, momentum: 0.5 });
    const seen: number[] = [];
    for (let k = 0; k < 3; k++) {
      p.grad.data[0] = 1;
      opt.step();
      seen.push(p.value.data[0]);
    }
    expect(seen).toEqual([-0.25, -0.625, -1.0625]);
  });

  it("dampening scales the gradient into the buffer from the second step on", () => {
    // μ = 0.5, d = 0.5, lr = 1, g = 1: b1 = 1 (no dampening on the copy), b2 = 0.5 + 0.5 = 1,
    // b3 = 0.5 + 0.5 = 1. θ: −1, −2, −3. Without PyTorch's first-step copy b1 would be 0.5.
    const p = scalar("w", 0);
    const opt = new SGD([p], { lr: 1, momentum: 0.5, dampening: 0.5 });
    const seen: number[] = [];
    for (let k = 0; k < 3; k++) {
      p.grad.data[0] = 1;
      opt.step();
      seen.push(p.value.data[0]);
    }
    expect(seen).toEqual([-1, -2, -3]);
  });

  it("Nesterov: the step is g + μ·b with the updated buffer", () => {
    // μ = 0.5, lr = 0.5, g = 1: b1 = 1, step 1 + 0.5 = 1.5, θ1 = −0.75;
    // b2 = 1.5, step 1 + 0.75 = 1.75, θ2 = −0.75 − 0.875 = −1.625.
    const p = scalar("w", 0);
    const opt = new SGD([p], { lr: 0.5, momentum: 0.5, nesterov: true });
    p.grad.data[0] = 1;
    opt.step();
    expect(p.value.data[0]).toBe(-0.75);
    p.grad.data[0] = 1;
    opt.step();
    expect(p.value.data[0]).toBe(-1.625);
  });

  it("weight decay adds λθ to the gradient before momentum", () => {
    // θ0 = 2, λ = 0.25, g = 0: effective g = 0.5; lr = 0.5 → θ1 = 2 − 0.25 = 1.75.
    const p = scalar("w", 2);
    new SGD([p], { lr: 0.5, weightDecay: 0.25 }).step();
    expect(p.value.data[0]).toBe(1.75);
  });
});

describe("Adam by hand", () => {
  it("first step moves every coordinate by lr·g/(|g| + eps) whatever the betas", () => {
    // m1 = (1−β1)g, v1 = (1−β2)g²; m̂ = g, √v̂ = |g|; θ1 = θ0 − lr·g/(|g| + eps).
    const p = scalar("w", 1);
    const opt = new Adam([p], { lr: 0.1, eps: 0.5 });
    p.grad.data[0] = 2;
    opt.step(); // 1 − 0.1·2/2.5 = 0.92
    expect(p.value.data[0]).toBeCloseTo(0.92, 15);
  });

  it("a constant gradient keeps the step at lr·g/(|g|+eps) on every step", () => {
    // With g constant, m̂_t = g and v̂_t = g² exactly (bias correction undoes the zero start).
    const p = scalar("w", 0);
    const opt = new Adam([p], { lr: 0.01, eps: 0 });
    for (let k = 1; k <= 5; k++) {
      p.grad.data[0] = -3;
      opt.step();
      expect(p.value.data[0]).toBeCloseTo(0.01 * k, 14);
    }
  });

  it("AMSGrad divides by the largest v seen, so a smaller later gradient takes a smaller step", () => {
    // β1 = 0, β2 = 0.5, eps = 0, lr = 1. Step 1, g = 2: v1 = 2, v̂ = 2/0.5 = 4, step = 2/2 = 1.
    // Step 2, g = 0.5: v2 = 1 + 0.125 = 1.125; max = 2; bc2 = 0.75; denom = √2/√0.75 = 1.63299…
    // step = 0.5/1.632993 = 0.306186 (plain Adam: √1.125/√0.75 = 1.224745, step 0.408248).
    const amsgrad = scalar("w", 0);
    const plain = scalar("w", 0);
    const a = new Adam([amsgrad], { lr: 1, betas: [0, 0.5], eps: 0, amsgrad: true });
    const b = new Adam([plain], { lr: 1, betas: [0, 0.5], eps: 0 });
    for (const g of [2, 0.5]) {
      amsgrad.grad.data[0] = g;
      plain.grad.data[0] = g;
      a.step();
      b.step();
    }
    expect(amsgrad.value.data[0]).toBeCloseTo(-1 - 0.5 / (Math.SQRT2 / Math.sqrt(0.75)), 14);
    expect(amsgrad.value.data[0]).toBeCloseTo(-1.306186, 6);
    expect(plain.value.data[0]).toBeCloseTo(-1.408248, 6);
  });
});

describe("AdamW by hand", () => {
  it("decays the weight by (1 − lr·λ) before the Adam step, and λ never reaches m or v", () => {
    // θ0 = 20, lr = 0.1, λ = 0.5, g = 0. AdamW: θ ← 20·(1 − 0.05) = 19; m = v = 0, so the Adam
    // part moves nothing (0/(0 + eps)): θ1 = 19.
    const q = scalar("w", 20);
    new AdamW([q], { lr: 0.1, weightDecay: 0.5 }).step();
    expect(q.value.data[0]).toBeCloseTo(19, 13);
    // Adam with λ as an L2 term sees g = λθ = 10 instead, and a first Adam step has size lr:
    // θ1 = 20 − 0.1·10/(10 + 1e-8) ≈ 19.9.
    const r = scalar("w", 20);
    new Adam([r], { lr: 0.1, weightDecay: 0.5 }).step();
    expect(r.value.data[0]).toBeCloseTo(19.9, 7); // 20 − 0.1·10/(10 + 1e-8)
  });
});

describe("RMSprop by hand", () => {
  it("first step divides by √((1−α)g²) + eps", () => {
    // α = 0.75, g = 2: sq = 0.25·4 = 1, avg = 1 + 0 → θ1 = 0 − 0.5·2/1 = −1.
    const p = scalar("w", 0);
    const opt = new RMSprop([p], { lr: 0.5, alpha: 0.75, eps: 0 });
    p.grad.data[0] = 2;
    opt.step();
    expect(p.value.data[0]).toBe(-1);
  });

  it("centered subtracts the squared mean gradient inside the root", () => {
    // α = 0.5, g = 2: sq = 2, ga = 1, avg = √(2 − 1) = 1 → θ1 = −lr·2 = −0.5 (lr = 0.25).
    const p = scalar("w", 0);
    const opt = new RMSprop([p], { lr: 0.25, alpha: 0.5, eps: 0, centered: true });
    p.grad.data[0] = 2;
    opt.step();
    expect(p.value.data[0]).toBe(-0.5);
  });

  it("momentum accumulates g/avg and steps by lr·buffer", () => {
    // α = 0.75, g = 2 twice, μ = 0.5, lr = 1, eps = 0.
    // Step 1: sq = 1, buf = 2, θ = −2. Step 2: sq = 0.75 + 1 = 1.75, buf = 1 + 2/√1.75,
    // θ = −2 − (1 + 1.5118579) = −4.5118579.
    const p = scalar("w", 0);
    const opt = new RMSprop([p], { lr: 1, alpha: 0.75, eps: 0, momentum: 0.5 });
    p.grad.data[0] = 2;
    opt.step();
    expect(p.value.data[0]).toBe(-2);
    p.grad.data[0] = 2;
    opt.step();
    expect(p.value.data[0]).toBeCloseTo(-3 - 2 / Math.sqrt(1.75), 14);
    expect(p.value.data[0]).toBeCloseTo(-4.5118579, 7);
  });
});

describe("Adagrad by hand", () => {
  it("divides by the root of the running sum, with lr decayed as lr/(1 + (t−1)·lrDecay)", () => {
    // lr = 1, lrDecay = 1, g = 3 then 4, eps = 0, θ0 = 0.
    // t = 1: sum = 9, clr = 1, θ = −3/3 = −1.  t = 2: sum = 25, clr = 1/2, θ = −1 − 0.5·4/5 = −1.4.
    const p = scalar("w", 0);
    const opt = new Adagrad([p], { lr: 1, lrDecay: 1, eps: 0 });
    p.grad.data[0] = 3;
    opt.step();
    expect(p.value.data[0]).toBe(-1);
    p.grad.data[0] = 4;
    opt.step();
    expect(p.value.data[0]).toBeCloseTo(-1.4, 15);
  });

  it("initialAccumulatorValue starts the sum", () => {
    // sum = 16 + 9 = 25, θ = −0.5·3/5 = −0.3.
    const p = scalar("w", 0);
    const opt = new Adagrad([p], { lr: 0.5, initialAccumulatorValue: 16, eps: 0 });
    p.grad.data[0] = 3;
    opt.step();
    expect(p.value.data[0]).toBeCloseTo(-0.3, 15);
  });
});

// Calls the @nn/optim API exactly as docs/api.md (its @nn/optim section) writes it (constructor forms, option
// names, lr get/set, state dicts, scheduler options, clipping), with hand-derived expected values.
import { undocumentedExports } from "../../../test-support/api-reference.js";
import { tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import {
  Adagrad, Adam, AdamW, CosineAnnealingLR, ExponentialLR, LinearWarmup, type Parameter, RMSprop, ReduceLROnPlateau, SGD,
  StepLR, clipGradNorm, clipGradValue,
} from "../src/index.js";

/** One float64 scalar parameter w with gradient g. */
function param(w: number, g: number, name = "w"): Parameter {
  return { name, value: tensor([w], "float64"), grad: tensor([g], "float64") };
}

describe("docs/api.md contract: optimizers", () => {
  it("new SGD(params, {lr, momentum, dampening, nesterov, weightDecay}) follows PyTorch's rule", () => {
    // Plain: w ← w − lr·g = 1 − 0.1·2 = 0.8
    const p = param(1, 2);
    new SGD([p], { lr: 0.1 }).step();
    expect(p.value.data[0]).toBeCloseTo(0.8, 15);

    // Momentum 0.9, dampening 0.5: first step buf = g = 2 (no dampening on the first step),
    // w = 1 − 0.1·2 = 0.8; second step buf = 0.9·2 + (1−0.5)·2 = 2.8, w = 0.8 − 0.28 = 0.52.
    const q = param(1, 2);
    const sgd = new SGD([q], { lr: 0.1, momentum: 0.9, dampening: 0.5, nesterov: false, weightDecay: 0 });
    sgd.step();
    sgd.step();
    expect(q.value.data[0]).toBeCloseTo(0.52, 14);

    // Nesterov: buf = 2, step direction g + μ·buf = 2 + 1.8 = 3.8; w = 1 − 0.38 = 0.62.
    const r = param(1, 2);
    new SGD([r], { lr: 0.1, momentum: 0.9, nesterov: true }).step();
    expect(r.value.data[0]).toBeCloseTo(0.62, 15);

    // Weight decay adds λ·w to g: 2 + 0.1·1 = 2.1; w = 1 − 0.21 = 0.79.
    const s = param(1, 2);
    new SGD([s], { lr: 0.1, weightDecay: 0.1 }).step();
    expect(s.value.data[0]).toBeCloseTo(0.79, 15);
  });

  it("Adam(params, {lr?, betas?, eps?, weightDecay?, amsgrad?}) with PyTorch defaults", () => {
    // Defaults lr 1e-3, betas (0.9, 0.999), eps 1e-8. First step: m̂ = g, v̂ = g², so the step is
    // lr·g/(|g| + eps).
    const p = param(1, 2);
    new Adam([p]).step();
    expect(p.value.data[0]).toBeCloseTo(1 - 1e-3 * (2 / (2 + 1e-8)), 15);
    const q = param(1, 2);
    new Adam([q], { lr: 0.1, betas: [0.5, 0.9], eps: 1e-8, weightDecay: 0, amsgrad: true }).step();
    expect(q.value.data[0]).toBeCloseTo(1 - 0.1 * (2 / (2 + 1e-8)), 15);
  });

  it("AdamW decouples weight decay (default 0.01)", () => {
    // w ← w(1 − lr·λ) = 1 − 0.1·0.01 = 0.999, then the Adam step of 0.1·2/(2 + 1e-8).
    const p = param(1, 2);
    new AdamW([p], { lr: 0.1 }).step();
    expect(p.value.data[0]).toBeCloseTo(0.999 - 0.1 * (2 / (2 + 1e-8)), 15);
  });

  it("RMSprop(params, {lr?, alpha?, eps?, momentum?, centered?, weightDecay?})", () => {
    // Defaults lr 0.01, alpha 0.99: v = (1 − 0.99)·g² = 0.04, step = lr·g/(√v + eps) = 0.02/0.2.
    const p = param(1, 2);
    new RMSprop([p]).step();
    expect(p.value.data[0]).toBeCloseTo(1 - 0.02 / (0.2 + 1e-8), 15);
    // Centered: ḡ = 0.5·2 = 1, v = 0.5·4 = 2, denominator √(v − ḡ²) = 1; step 0.1·2/1.
    const q = param(1, 2);
    new RMSprop([q], { lr: 0.1, alpha: 0.5, eps: 0, momentum: 0, centered: true, weightDecay: 0 }).step();
    expect(q.value.data[0]).toBeCloseTo(0.8, 15);
  });

  it("Adagrad with PyTorch defaults", () => {
    // lr 0.01, accumulator 0 + g² = 4, step = 0.01·2/(√4 + 1e-10).
    const p = param(1, 2);
    new Adagrad([p]).step();
    expect(p.value.data[0]).toBeCloseTo(1 - 0.02 / (2 + 1e-10), 15);
  });

  it("step(), zeroGrad(), lr get/set on every optimizer", () => {
    const make = [
      (ps: Parameter[]) => new SGD(ps, { lr: 0.5 }),
      (ps: Parameter[]) => new Adam(ps, { lr: 0.5 }),
      (ps: Parameter[]) => new AdamW(ps, { lr: 0.5 }),
      (ps: Parameter[]) => new RMSprop(ps, { lr: 0.5 }),
      (ps: Parameter[]) => new Adagrad(ps, { lr: 0.5 }),
    ];
    for (const m of make) {
      const p = param(1, 3);
      const opt = m([p]);
      expect(opt.lr).toBe(0.5);
      opt.lr = 0;
      expect(opt.lr).toBe(0);
      opt.zeroGrad();
      expect(p.grad.data[0]).toBe(0);
      p.grad.data[0] = 3;
      opt.step();
      // lr 0 and weight decay applied through lr: nothing moves.
      expect(p.value.data[0]).toBe(1);
      opt.lr = 0.5;
      opt.step();
      expect(p.value.data[0]).toBeLessThan(1);
    }
  });

  it("stateDict() is plain JSON that survives JSON.stringify/parse exactly; loadStateDict restores", () => {
    const a = param(0.3, 0.7), b = param(0.3, 0.7);
    const opt = new Adam([a], { lr: 0.01, amsgrad: true });
    for (let i = 0; i < 3; i++) {
      a.grad.data[0] = Math.sin(i + 0.1) / 3;
      opt.step();
    }
    const dict = opt.stateDict();
    const copy = JSON.parse(JSON.stringify(dict)) as typeof dict;
    expect(copy).toEqual(dict);
    b.value.data[0] = a.value.data[0];
    const restored = new Adam([b]);
    restored.loadStateDict(copy);
    expect(restored.lr).toBe(0.01);
    a.grad.data[0] = 0.123;
    b.grad.data[0] = 0.123;
    opt.step();
    restored.step();
    expect(b.value.data[0]).toBe(a.value.data[0]);
  });

  it("invalid options throw a RangeError naming the option and its range", () => {
    const p = [param(1, 1)];
    expect(() => new Adam(p, { betas: [1, 0.999] })).toThrow(RangeError);
    expect(() => new Adam(p, { betas: [1, 0.999] })).toThrow("Adam: betas[0] must be in [0, 1), got 1");
    expect(() => new SGD(p, { lr: -1 })).toThrow(RangeError);
    expect(() => new SGD(p, { lr: -1 })).toThrow(/SGD: lr/);
    expect(() => new RMSprop(p, { alpha: -0.5 })).toThrow(/RMSprop: alpha/);
  });
});

describe("docs/api.md contract: schedulers", () => {
  /** opt.lr as read before each of `n` updates, stepping the scheduler after each optimizer step. */
  function rates(opt: SGD, step: () => void, n: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      out.push(opt.lr);
      opt.step();
      step();
    }
    return out;
  }

  it("new StepLR(opt, {stepSize, gamma})", () => {
    const opt = new SGD([param(0, 0)], { lr: 1 });
    const s = new StepLR(opt, { stepSize: 2, gamma: 0.5 });
    expect(rates(opt, () => s.step(), 5)).toEqual([1, 1, 0.5, 0.5, 0.25]);
    expect(s.stateDict()).toEqual(JSON.parse(JSON.stringify(s.stateDict())));
  });

  it("new ExponentialLR(opt, {gamma})", () => {
    const opt = new SGD([param(0, 0)], { lr: 1 });
    const s = new ExponentialLR(opt, { gamma: 0.5 });
    expect(rates(opt, () => s.step(), 3)).toEqual([1, 0.5, 0.25]);
  });

  it("new CosineAnnealingLR(opt, {tMax, etaMin})", () => {
    // lr_k = etaMin + (base − etaMin)(1 + cos(πk/tMax))/2 with base 1, etaMin 0.2, tMax 2: 1, 0.6, 0.2.
    const opt = new SGD([param(0, 0)], { lr: 1 });
    const s = new CosineAnnealingLR(opt, { tMax: 2, etaMin: 0.2 });
    const r = rates(opt, () => s.step(), 3);
    expect(r[0]).toBeCloseTo(1, 15);
    expect(r[1]).toBeCloseTo(0.6, 15);
    expect(r[2]).toBeCloseTo(0.2, 15);
    const plain = new CosineAnnealingLR(new SGD([param(0, 0)], { lr: 1 }), { tMax: 2 });
    plain.step();
    plain.step();
    expect(plain.optimizer.lr).toBeCloseTo(0, 15); // etaMin defaults to 0
  });

  it("new LinearWarmup(opt, {steps, after}) ramps then hands over", () => {
    const opt = new SGD([param(0, 0)], { lr: 1 });
    const w = new LinearWarmup(opt, { steps: 4 });
    // base·(e+1)/steps for e < 4, then base.
    expect(rates(opt, () => w.step(), 6)).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
    const opt2 = new SGD([param(0, 0)], { lr: 1 });
    const after = new ExponentialLR(opt2, { gamma: 0.5 });
    const w2 = new LinearWarmup(opt2, { steps: 2, after });
    expect(rates(opt2, () => w2.step(), 5)).toEqual([0.5, 1, 1, 0.5, 0.25]);
    const d = w2.stateDict();
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("new ReduceLROnPlateau(opt, {mode, factor, patience, threshold, cooldown, minLr}); step(metric)", () => {
    const opt = new SGD([param(0, 0)], { lr: 1 });
    const s = new ReduceLROnPlateau(opt, { mode: "min", factor: 0.5, patience: 1, threshold: 0, cooldown: 1, minLr: 0.3 });
    const seen: number[] = [];
    // A flat metric: epoch 1 sets best; epochs 2, 3 are bad → after the 2nd bad epoch (> patience 1)
    // lr halves to 0.5 and a 1-epoch cooldown starts (epoch 4 does not count); epochs 5, 6 are bad
    // → lr = max(0.25, minLr 0.3) = 0.3.
    for (let e = 0; e < 6; e++) {
      s.step(1);
      seen.push(opt.lr);
    }
    expect(seen).toEqual([1, 1, 0.5, 0.5, 0.5, 0.3]);
    const m = new ReduceLROnPlateau(new SGD([param(0, 0)], { lr: 1 }), { mode: "max", patience: 0 });
    m.step(0.5);
    m.step(0.4); // worse in max mode, patience 0 → default factor 0.1
    expect(m.optimizer.lr).toBeCloseTo(0.1, 15);
    const d = m.stateDict();
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("opt.lr read before the k-th step() is the rate of the k-th update", () => {
    const p = param(0, 1);
    const opt = new SGD([p], { lr: 1 });
    const sched = new StepLR(opt, { stepSize: 1, gamma: 0.5 });
    for (let k = 0; k < 4; k++) {
      const before = p.value.data[0];
      const lr = opt.lr;
      opt.step();
      // SGD with g = 1 moves w by exactly −lr.
      expect(before - p.value.data[0]).toBe(lr);
      sched.step();
    }
  });
});

describe("docs/api.md contract: clipping", () => {
  it("clipGradNorm(params, maxNorm) returns the total norm before clipping", () => {
    const a = param(0, 3, "a"), b = param(0, 4, "b");
    // √(3² + 4²) = 5; scaled by maxNorm/(5 + 1e-6) as PyTorch.
    const norm = clipGradNorm([a, b], 1);
    expect(norm).toBe(5);
    expect(a.grad.data[0]).toBeCloseTo(3 / (5 + 1e-6), 14);
    expect(b.grad.data[0]).toBeCloseTo(4 / (5 + 1e-6), 14);
    // Below the cap nothing changes, and the norm is still returned.
    const c = param(0, 0.3);
    expect(clipGradNorm([c], 1)).toBeCloseTo(0.3, 15);
    expect(c.grad.data[0]).toBe(0.3);
  });

  it("clipGradValue(params, clip) clamps each element", () => {
    const a = param(0, 3, "a"), b = param(0, -4, "b"), c = param(0, 0.5, "c");
    clipGradValue([a, b, c], 1);
    expect([a.grad.data[0], b.grad.data[0], c.grad.data[0]]).toEqual([1, -1, 0.5]);
  });
});

describe("docs/api.md is kept in step with the code", () => {
  it("names every export of @nn/optim", async () => {
    expect(undocumentedExports("@nn/optim", await import("../src/index.js"))).toEqual([]);
  });
});

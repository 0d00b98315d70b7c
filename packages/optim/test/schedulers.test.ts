// Learning-rate curves against their closed forms (written out here independently of the
// sources), PyTorch's convention that opt.lr before the k-th update is that update's rate, and
// ReduceLROnPlateau traced by hand.
import { describe, expect, it } from "vitest";
import {
  CosineAnnealingLR,
  ExponentialLR,
  LinearWarmup,
  type LearningRateHolder,
  ReduceLROnPlateau,
  type ReduceLROnPlateauStateDict,
  SGD,
  StepLR,
} from "../src/index.js";
import { scalar } from "./parameters.js";

/** opt.lr as read before each of `n` updates, calling scheduler.step() after each update. */
function curve(opt: LearningRateHolder, scheduler: { step(): void }, n: number): number[] {
  const lrs: number[] = [];
  for (let k = 0; k < n; k++) {
    lrs.push(opt.lr);
    scheduler.step();
  }
  return lrs;
}

const sgd = (lr: number) => new SGD([scalar("w", 0)], { lr });

describe("the rate of each update", () => {
  it("is opt.lr as read before optimizer.step(), with scheduler.step() after it", () => {
    // SGD with g = 1 moves θ by exactly the rate of that update: θₖ₋₁ − θₖ = lr of update k.
    const p = scalar("w", 0);
    const opt = new SGD([p], { lr: 0.5 });
    const scheduler = new StepLR(opt, { stepSize: 2, gamma: 0.5 });
    const announced: number[] = [];
    const used: number[] = [];
    for (let k = 0; k < 5; k++) {
      announced.push(opt.lr);
      const before = p.value.data[0];
      p.grad.data[0] = 1;
      opt.step();
      used.push(before - p.value.data[0]);
      scheduler.step();
    }
    expect(used).toEqual(announced);
    expect(used).toEqual([0.5, 0.5, 0.25, 0.25, 0.125]);
  });
});

describe("StepLR", () => {
  it("follows lr₀·γ^⌊k/stepSize⌋", () => {
    const opt = sgd(0.1);
    const lrs = curve(opt, new StepLR(opt, { stepSize: 3, gamma: 0.5 }), 10);
    // By hand: 0.1 ×3, 0.05 ×3, 0.025 ×3, 0.0125.
    expect(lrs).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125]);
  });

  it("defaults gamma to 0.1", () => {
    const opt = sgd(1);
    expect(curve(opt, new StepLR(opt, { stepSize: 2 }), 5)).toEqual([1, 1, 0.1, 0.1, 0.1 ** 2]);
  });
});

describe("ExponentialLR", () => {
  it("follows lr₀·γ^k", () => {
    const opt = sgd(0.2);
    const lrs = curve(opt, new ExponentialLR(opt, { gamma: 0.9 }), 50);
    lrs.forEach((lr, k) => expect(lr).toBeCloseTo(0.2 * Math.exp(k * Math.log(0.9)), 15));
    expect(lrs[2]).toBeCloseTo(0.162, 15); // 0.2·0.81
  });
});

describe("CosineAnnealingLR", () => {
  it("follows ηmin + (lr₀ − ηmin)(1 + cos(πk/T))/2, reaching ηmin at T and climbing back after", () => {
    const opt = sgd(0.1);
    const lrs = curve(opt, new CosineAnnealingLR(opt, { tMax: 10, etaMin: 0.01 }), 21);
    lrs.forEach((lr, k) => expect(lr).toBeCloseTo(0.01 + 0.045 * (1 + Math.cos((Math.PI * k) / 10)), 15));
    expect(lrs[0]).toBe(0.1);
    expect(lrs[5]).toBeCloseTo(0.055, 15); // halfway: the mean of 0.1 and 0.01
    expect(lrs[10]).toBeCloseTo(0.01, 15);
    expect(lrs[20]).toBeCloseTo(0.1, 15);
  });
});

describe("LinearWarmup", () => {
  it("ramps lr₀·(k+1)/steps, then keeps lr₀ when nothing follows", () => {
    const opt = sgd(0.4);
    const lrs = curve(opt, new LinearWarmup(opt, { steps: 4 }), 7);
    expect(lrs).toEqual([0.1, 0.2, 0.30000000000000004, 0.4, 0.4, 0.4, 0.4]); // 0.4·3/4 rounds so
  });

  it("hands over to the wrapped scheduler, whose count starts when the ramp ends", () => {
    const opt = sgd(0.1);
    const after = new StepLR(opt, { stepSize: 2, gamma: 0.5 });
    const warmup = new LinearWarmup(opt, { steps: 2, after });
    const lrs = curve(opt, warmup, 8);
    expect(lrs).toEqual([0.05, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
    expect(after.lastEpoch).toBe(6); // 8 steps, the first 2 of them in the ramp
    expect(warmup.lastEpoch).toBe(8);
  });

  it("refuses a wrapped scheduler on another optimizer or already stepped", () => {
    const opt = sgd(0.1);
    expect(() => new LinearWarmup(opt, { steps: 2, after: new ExponentialLR(sgd(0.1), { gamma: 0.9 }) })).toThrow(
      "LinearWarmup: after must schedule the same optimizer",
    );
    const stepped = new ExponentialLR(opt, { gamma: 0.9 });
    stepped.step();
    expect(() => new LinearWarmup(opt, { steps: 2, after: stepped })).toThrow("LinearWarmup: after must not have been stepped yet, its lastEpoch is 1");
  });
});

describe("epoch scheduler options and state", () => {
  it.each([
    [() => new StepLR(sgd(0.1), { stepSize: 0 }), "StepLR: stepSize must be an integer ≥ 1, got 0"],
    [() => new StepLR(sgd(0.1), { stepSize: 1.5 }), "StepLR: stepSize must be an integer ≥ 1, got 1.5"],
    [() => new StepLR(sgd(0.1), { stepSize: 2, gamma: -1 }), "StepLR: gamma must be a finite number ≥ 0, got -1"],
    [() => new ExponentialLR(sgd(0.1), {} as never), "ExponentialLR: gamma is required"],
    [() => new CosineAnnealingLR(sgd(0.1), { tMax: 0 }), "CosineAnnealingLR: tMax must be an integer ≥ 1, got 0"],
    [() => new CosineAnnealingLR(sgd(0.1), { tMax: 5, etaMin: -0.1 }), "CosineAnnealingLR: etaMin must be a finite number ≥ 0, got -0.1"],
    [() => new LinearWarmup(sgd(0.1), { steps: 0 }), "LinearWarmup: steps must be an integer ≥ 1, got 0"],
  ])("refuses bad options (%#)", (make, message) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(message);
  });

  it("loads a saved count into a fresh scheduler and sets the optimizer's lr to match", () => {
    const opt = sgd(0.1);
    const a = new CosineAnnealingLR(opt, { tMax: 8 });
    for (let k = 0; k < 3; k++) a.step();
    const saved = JSON.parse(JSON.stringify(a.stateDict())) as ReturnType<typeof a.stateDict>;
    const other = sgd(0.1);
    const b = new CosineAnnealingLR(other, { tMax: 8 });
    b.loadStateDict(saved);
    expect(other.lr).toBe(opt.lr);
    a.step();
    b.step();
    expect(other.lr).toBe(opt.lr);
    expect(() => new StepLR(sgd(0.1), { stepSize: 2 }).loadStateDict(saved)).toThrow(
      "StepLR.loadStateDict: the state dict is for CosineAnnealingLR, not StepLR",
    );
  });
});

describe("ReduceLROnPlateau", () => {
  it("waits `patience` bad epochs, then multiplies lr by factor", () => {
    const opt = sgd(1);
    const plateau = new ReduceLROnPlateau(opt, { patience: 2, factor: 0.5 });
    // Epoch 1: 10 is best. Epochs 2–3: bad (1, 2 ≤ patience). Epoch 4: third bad → lr 0.5.
    const lrs = [10, 10, 10, 10, 10].map((loss) => {
      plateau.step(loss);
      return opt.lr;
    });
    expect(lrs).toEqual([1, 1, 1, 0.5, 0.5]);
  });

  it("counts an improvement only beyond the relative threshold (mode min)", () => {
    const opt = sgd(1);
    const plateau = new ReduceLROnPlateau(opt, { patience: 0, threshold: 0.1 });
    plateau.step(10); // best 10
    plateau.step(9.5); // needs < 10·0.9 = 9: bad → patience 0 exceeded → lr 0.1
    expect(opt.lr).toBeCloseTo(0.1, 15);
    plateau.step(8.9); // < 9: improvement, best 8.9
    expect(plateau.bestMetric).toBe(8.9);
    expect(opt.lr).toBeCloseTo(0.1, 15);
  });

  it("mode max with an absolute threshold", () => {
    const opt = sgd(1);
    const plateau = new ReduceLROnPlateau(opt, { mode: "max", thresholdMode: "abs", threshold: 0.05, patience: 1 });
    plateau.step(0.8); // best 0.8
    plateau.step(0.84); // needs > 0.85: bad 1
    expect(opt.lr).toBe(1);
    plateau.step(0.86); // improvement: best 0.86, bad 0
    plateau.step(0.5); // bad 1
    plateau.step(0.5); // bad 2 > 1 → lr 0.1
    expect(opt.lr).toBeCloseTo(0.1, 15);
  });

  it("cooldown suspends the count after a reduction, and minLr floors the rate", () => {
    const opt = sgd(1);
    const plateau = new ReduceLROnPlateau(opt, { patience: 0, cooldown: 2, factor: 0.1, minLr: 0.05 });
    const lrs = [5, 5, 5, 5, 5, 5, 5].map((loss) => {
      plateau.step(loss);
      return opt.lr;
    });
    // 1: best 5. 2: bad → 0.1, cooldown 2. 3, 4: in cooldown (count reset). 5: bad → max(0.01, 0.05)
    // = 0.05, cooldown 2. 6, 7: cooldown. Reductions under eps 1e-8 are skipped after that.
    expect(lrs).toEqual([1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05]);
  });

  it("refuses factor ≥ 1, an unknown mode and a non-finite metric", () => {
    expect(() => new ReduceLROnPlateau(sgd(1), { factor: 1 })).toThrow("ReduceLROnPlateau: factor must be in [0, 1), got 1");
    expect(() => new ReduceLROnPlateau(sgd(1), { mode: "minimum" as never })).toThrow(
      "ReduceLROnPlateau: mode must be one of 'min', 'max', got \"minimum\"",
    );
    expect(() => new ReduceLROnPlateau(sgd(1), { patience: -1 })).toThrow("ReduceLROnPlateau: patience must be an integer ≥ 0, got -1");
    expect(() => new ReduceLROnPlateau(sgd(1)).step(NaN)).toThrow("ReduceLROnPlateau.step: metric must be a finite number, got NaN");
  });

  it("state dict survives JSON, including the infinite best before the first metric", () => {
    const opt = sgd(1);
    const a = new ReduceLROnPlateau(opt, { patience: 1 });
    const initial = JSON.parse(JSON.stringify(a.stateDict())) as ReduceLROnPlateauStateDict;
    expect(initial.best).toBe("Infinity");
    a.step(3);
    a.step(4);
    const saved = JSON.parse(JSON.stringify(a.stateDict())) as ReduceLROnPlateauStateDict;
    const b = new ReduceLROnPlateau(opt, { patience: 1 });
    b.loadStateDict(saved);
    expect(b.bestMetric).toBe(3);
    expect(b.numBadEpochs).toBe(1);
    b.step(4); // second bad epoch > patience 1
    expect(opt.lr).toBeCloseTo(0.1, 15);
  });
});

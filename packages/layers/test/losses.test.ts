import { createRng, elementary, rand, randn, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { BCEWithLogitsLoss, BinaryCrossEntropyLoss, Dense, HuberLoss, L1Loss, L2Penalty, type Loss, MSELoss, PenalisedLoss, SoftmaxCrossEntropyLoss } from "../src/index.js";
import * as nn from "../src/index.js";
import { checkLossGradient } from "./helpers/numeric-gradient.js";

const f64 = (v: number[] | number[][]) => tensor(v, "float64");

describe("losses: values and gradients worked by hand", () => {
  it("MSELoss: d = [1, 0, −2] → (1 + 0 + 4)/3, gradient 2d/3", () => {
    const loss = new MSELoss();
    expect(loss.forward(f64([1, 2, 3]), f64([0, 2, 5]))).toBeCloseTo(5 / 3, 15);
    expect(Array.from(loss.backward().data)).toEqual([2 / 3, 0, -4 / 3]);
  });

  it("L1Loss: |d| = [1, 0, 2] → 1, gradient sign(d)/3 with sign(0) = 0", () => {
    const loss = new L1Loss();
    expect(loss.forward(f64([1, 2, 3]), f64([0, 2, 5]))).toBe(1);
    expect(Array.from(loss.backward().data)).toEqual([1 / 3, 0, -1 / 3]);
  });

  it("HuberLoss: quadratic inside delta, linear outside", () => {
    // δ = 1, d = [0.5, −2, 3]: [0.125, 1·(2 − 0.5), 1·(3 − 0.5)] → 4.125/3
    const h1 = new HuberLoss();
    expect(h1.forward(f64([0.5, -2, 3]), f64([0, 0, 0]))).toBeCloseTo(1.375, 15);
    expect(Array.from(h1.backward().data)).toEqual([0.5 / 3, -1 / 3, 1 / 3]);
    // δ = 2: [0.125, 2·(2 − 1), 2·(3 − 1)] → 6.125/3 (|d| = 2 is on the linear side, as PyTorch's |d| < δ)
    expect(new HuberLoss({ delta: 2 }).forward(f64([0.5, -2, 3]), f64([0, 0, 0]))).toBeCloseTo(6.125 / 3, 15);
    expect(() => new HuberLoss({ delta: 0 })).toThrow("HuberLoss: delta must be a finite number > 0, got 0");
  });

  it("BinaryCrossEntropyLoss: −(ln 0.5 + ln 0.2)/2 = ln(10)/2", () => {
    const loss = new BinaryCrossEntropyLoss();
    expect(loss.forward(f64([0.5, 0.8]), f64([1, 0]))).toBeCloseTo(Math.log(10) / 2, 15);
    // (p − t)/(p(1 − p))/n: (−0.5/0.25)/2 = −1, (0.8/0.16)/2 = 2.5
    const g = loss.backward().data;
    expect(g[0]).toBeCloseTo(-1, 14);
    expect(g[1]).toBeCloseTo(2.5, 14);
  });

  it("BinaryCrossEntropyLoss clamps log at −100: p = 0 or 1 gives a finite loss and gradient", () => {
    const loss = new BinaryCrossEntropyLoss();
    expect(loss.forward(f64([0, 1, 0, 1]), f64([1, 0, 0, 1]))).toBe(50); // (100 + 100 + 0 + 0)/4
    // PyTorch's gradient (p − t)/max(p(1 − p), 1e-12)/n
    expect(Array.from(loss.backward().data)).toEqual([-0.25e12, 0.25e12, 0, 0]);
    expect(() => loss.forward(f64([1.5]), f64([1]))).toThrow(/probabilities in \[0, 1\], got 1.5 at index 0/);
  });

  it("BinaryCrossEntropyLoss skips the zero-weighted log of a hard label with the bits of the full formula", () => {
    // Both logs evaluated for every element, as the formula reads: the reference the shortcut must match.
    const bothLogs = (p: number[], t: number[]): number => {
      let sum = 0;
      for (let i = 0; i < p.length; i++) {
        sum -= t[i] * Math.max(elementary.log(p[i]), -100) + (1 - t[i]) * Math.max(elementary.log1p(-p[i]), -100);
      }
      return sum / p.length;
    };
    const edges = [0, -0, 1, 0.5, 0.8, 1e-300, 5e-324, 1 - 2 ** -53, 2 ** -60, 0.9999];
    for (const label of [0, 1, 0.3]) {
      for (const p of edges) {
        const got = new BinaryCrossEntropyLoss().forward(f64([p]), f64([label]));
        expect(Object.is(got, bothLogs([p], [label])), `p = ${p}, t = ${label}`).toBe(true);
      }
    }
    const p = [0.25, -0, 1, 0, 0.75, 1e-9], t = [1, 1, 0, 0, 0, 1];
    expect(Object.is(new BinaryCrossEntropyLoss().forward(f64(p), f64(t)), bothLogs(p, t))).toBe(true);
  });

  it("BCEWithLogitsLoss is exact and finite at z = ±100", () => {
    const loss = new BCEWithLogitsLoss();
    expect(loss.forward(f64([0]), f64([1]))).toBeCloseTo(Math.LN2, 15);
    // ℓ(100, 1) = log(1 + e^−100) ≈ 3.7e−44, ℓ(100, 0) = 100, ℓ(−100, 1) = 100, ℓ(−100, 0) ≈ 3.7e−44
    const v = loss.forward(f64([100, 100, -100, -100]), f64([1, 0, 1, 0]));
    expect(v).toBe(50);
    const g = Array.from(loss.backward().data);
    expect(g[0]).toBe(0);
    expect(g[1]).toBe(0.25);
    expect(g[2]).toBe(-0.25);
    expect(g[3]).toBeCloseTo(Math.exp(-100) / 4, 58);
    expect(g.every(Number.isFinite)).toBe(true);
  });

  it("SoftmaxCrossEntropyLoss: logits [0, ln 2, ln 5] give p = [1, 2, 5]/8; loss −ln(5/8), gradient p − y", () => {
    const logits = f64([[0, Math.LN2, Math.log(5)]]);
    const loss = new SoftmaxCrossEntropyLoss();
    expect(loss.forward(logits, f64([2]))).toBeCloseTo(Math.log(8 / 5), 15);
    const g = Array.from(loss.backward().data);
    [0.125, 0.25, -0.375].forEach((e, i) => expect(g[i]).toBeCloseTo(e, 15));
    // one-hot targets give the same loss and gradient
    expect(loss.forward(logits, f64([[0, 0, 1]]))).toBeCloseTo(Math.log(8 / 5), 15);
    Array.from(loss.backward().data).forEach((v, i) => expect(v).toBeCloseTo(g[i], 15));
  });

  it("SoftmaxCrossEntropyLoss label smoothing: q = (1 − ε)·y + ε/k, as PyTorch", () => {
    // ε = 0.3, k = 3, class 2: q = [0.1, 0.1, 0.8]
    // L = −(0.1·ln(1/8) + 0.1·ln(2/8) + 0.8·ln(5/8)); ∂L/∂z = p − q = [0.025, 0.15, −0.175]
    const logits = f64([[0, Math.LN2, Math.log(5)]]);
    const loss = new SoftmaxCrossEntropyLoss({ labelSmoothing: 0.3 });
    const expected = -(0.1 * Math.log(1 / 8) + 0.1 * Math.log(2 / 8) + 0.8 * Math.log(5 / 8));
    expect(loss.forward(logits, f64([2]))).toBeCloseTo(expected, 14);
    const g = Array.from(loss.backward().data);
    [0.025, 0.15, -0.175].forEach((e, i) => expect(g[i]).toBeCloseTo(e, 15));
    expect(loss.forward(logits, f64([[0, 0, 1]]))).toBeCloseTo(expected, 14);
  });

  it("SoftmaxCrossEntropyLoss averages over the batch, not over classes", () => {
    // two identical rows: the mean equals the single-row loss; each row's gradient is halved
    const loss = new SoftmaxCrossEntropyLoss();
    const row = [0, Math.LN2, Math.log(5)];
    expect(loss.forward(f64([row, row]), f64([2, 2]))).toBeCloseTo(Math.log(8 / 5), 15);
    expect(loss.backward().data[2]).toBeCloseTo(-0.375 / 2, 15);
  });

  it("SoftmaxCrossEntropyLoss refuses bad targets naming the index and the range", () => {
    const loss = new SoftmaxCrossEntropyLoss();
    expect(() => loss.forward(f64([[1, 2]]), f64([2]))).toThrow("SoftmaxCrossEntropyLoss: target[0] must be a class index in [0, 1], got 2");
    expect(() => loss.forward(f64([[1, 2]]), f64([[1, 0, 0]]))).toThrow(/target must be class indices \[1\] or probabilities \[1, 2\]/);
    expect(() => new SoftmaxCrossEntropyLoss({ labelSmoothing: 1.5 })).toThrow("SoftmaxCrossEntropyLoss: labelSmoothing must be in [0, 1], got 1.5");
  });

  it("element-wise losses take a target [n] for a prediction [n, 1] and refuse other mismatches", () => {
    const loss = new MSELoss();
    expect(loss.forward(f64([[1], [2]]), f64([0, 0]))).toBe(2.5);
    expect(loss.backward().shape).toEqual([2, 1]);
    expect(() => loss.forward(f64([[1, 2]]), f64([1, 2, 3]))).toThrow("MSELoss: target shape [3] does not match prediction shape [1,2]");
    expect(() => new L1Loss().backward()).toThrow("L1Loss: backward called before forward");
  });
});

describe("losses: backward against central differences (float64)", () => {
  const rng = createRng(11);
  const pred = randn([4, 3], rng, { dtype: "float64" });
  const target = randn([4, 3], rng, { dtype: "float64" });
  const probs = rand([4, 3], rng, { low: 0.05, high: 0.95, dtype: "float64" });
  const labels = rand([4, 3], rng, { dtype: "float64" });
  const cases: [string, Loss, () => [typeof pred, typeof pred]][] = [
    ["MSELoss", new MSELoss(), () => [pred.clone(), target]],
    ["L1Loss", new L1Loss(), () => [pred.clone(), target]],
    ["HuberLoss", new HuberLoss({ delta: 0.7 }), () => [pred.clone(), target]],
    ["BinaryCrossEntropyLoss", new BinaryCrossEntropyLoss(), () => [probs.clone(), labels]],
    ["BCEWithLogitsLoss", new BCEWithLogitsLoss(), () => [pred.clone(), labels]],
    ["SoftmaxCrossEntropyLoss (indices)", new SoftmaxCrossEntropyLoss(), () => [pred.clone(), f64([0, 2, 1, 2])]],
    ["SoftmaxCrossEntropyLoss (soft targets, smoothing)", new SoftmaxCrossEntropyLoss({ labelSmoothing: 0.2 }), () => [pred.clone(), labels]],
    // dL/dpred of a penalised loss is its data loss's: the penalty depends on the weights only
    ["PenalisedLoss", new PenalisedLoss(new HuberLoss(), [new L2Penalty(new Dense(2, 2, { dtype: "float64" }).parameters(), { lambda: 0.5 })]), () => [pred.clone(), target]],
  ];
  it.each(cases)("%s", (_name, loss, make) => {
    const [p, t] = make();
    expect(checkLossGradient(loss, p, t)).toEqual([]);
  });

  it("covers every exported loss", () => {
    // by class, so a deprecated alias (BinaryCrossEntropy) is covered by its class's case
    const covered = new Set<unknown>(cases.map(([, loss]) => loss.constructor));
    const exported = Object.entries(nn).filter(([, v]) => {
      const proto: unknown = typeof v === "function" ? (v as { prototype?: unknown }).prototype : undefined;
      return typeof proto === "object" && proto !== null && "forward" in proto && "backward" in proto && !("toSpec" in proto) && v !== nn.ElementwiseLoss;
    });
    expect(exported.map(([name]) => name)).toContain("SoftmaxCrossEntropy");
    expect(exported.filter(([, v]) => !covered.has(v)).map(([name]) => name)).toEqual([]);
  });
});

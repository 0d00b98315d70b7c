/**
 * docs/math_derivations.md §2.2 works a 2→2→1 network through forward, loss, backward and one SGD
 * step by hand, and other sections show smaller worked numbers. This test recomputes each with the
 * library and compares it with the numbers parsed from the document itself, so the text cannot
 * drift from the code: an edited number fails, and so does a reworded sentence the parser no
 * longer finds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BCEWithLogits, BatchNorm1d, BinaryCrossEntropy, Dense, ReLU, Residual, Sequential, Sigmoid, SoftmaxCrossEntropy } from "@nn/layers";
import { Adam, SGD } from "@nn/optim";
import { type Tensor, erf, logSumExp, sigmoid, softmax, tensor, zeros } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "../src/repo-root.js";

const root = findRepoRoot(fileURLToPath(new URL(".", import.meta.url)));
const doc = readFileSync(join(root, "docs", "math_derivations.md"), "utf8");

interface Shown {
  numbers: number[];
  /** Half a unit in the last decimal shown, per number. */
  tolerances: number[];
}

/** The rows of the table between the worked-example markers: id → the numbers it shows. */
function workedTable(markdown: string): Map<string, Shown> {
  const start = markdown.indexOf("<!-- worked-example");
  const end = markdown.indexOf("<!-- /worked-example -->");
  if (start < 0 || end < start) throw new Error("docs/math_derivations.md: worked-example table markers not found");
  const rows = new Map<string, Shown>();
  for (const line of markdown.slice(start, end).split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const id = /^`([^`]+)`$/.exec(cells[1] ?? "")?.[1];
    if (id === undefined) continue;
    const literals = (cells[3] ?? "").replace(/−/g, "-").match(/-?\d+(?:\.\d+)?/g) ?? [];
    rows.set(id, {
      numbers: literals.map(Number),
      tolerances: literals.map((s) => 0.5 * 10 ** -(s.split(".")[1]?.length ?? 0) + 1e-12),
    });
  }
  return rows;
}

const flat = (t: Tensor | number): number[] => (typeof t === "number" ? [t] : Array.from(t.data));

/** The §2.2 network, built and stepped with the library, every intermediate kept. */
function computeWorkedExample(): Map<string, number[]> {
  const dtype = "float64";
  const dense1 = new Dense(2, 2, { init: "zeros", dtype });
  const dense2 = new Dense(2, 1, { init: "zeros", dtype });
  const relu = new ReLU({ dtype });
  const sigmoid = new Sigmoid({ dtype });
  const inputs = {
    x: [1, 2], q: [1], W1: [0.5, -0.5, 0.25, -0.25], b1: [0.1, 0.2], W2: [0.8, -0.6], b2: [-0.3], lr: [0.5],
  };
  dense1.weight.value.data.set(inputs.W1);
  (dense1.bias as { value: Tensor }).value.data.set(inputs.b1);
  dense2.weight.value.data.set(inputs.W2);
  (dense2.bias as { value: Tensor }).value.data.set(inputs.b2);
  const model = new Sequential([dense1, relu, dense2, sigmoid]);
  const x = tensor([inputs.x], dtype);
  const q = tensor([inputs.q], dtype);
  const loss = new BinaryCrossEntropy();

  const z1 = dense1.forward(x).clone();
  const h = relu.forward(z1).clone();
  const z2 = dense2.forward(h).clone();
  const p = sigmoid.forward(z2).clone();
  const L = loss.forward(p, q);
  model.zeroGrad();
  const dp = loss.backward().clone();
  const dz2 = sigmoid.backward(dp).clone();
  const dh = dense2.backward(dz2).clone();
  const dz1 = relu.backward(dh).clone();
  const dx = dense1.backward(dz1).clone();
  const grads = {
    dW1: flat(dense1.weight.grad), db1: flat((dense1.bias as { grad: Tensor }).grad),
    dW2: flat(dense2.weight.grad), db2: flat((dense2.bias as { grad: Tensor }).grad),
  };

  new SGD(model.parameters(), { lr: inputs.lr[0] }).step();
  const z1After = dense1.forward(x).clone();
  const z2After = dense2.forward(relu.forward(z1After)).clone();
  const pAfter = sigmoid.forward(z2After).clone();
  const lAfter = loss.forward(pAfter, q);

  return new Map<string, number[]>([
    ...Object.entries(inputs),
    ["z1", flat(z1)], ["h", flat(h)], ["z2", flat(z2)], ["p", flat(p)], ["L", [L]],
    ["dp", flat(dp)], ["dz2", flat(dz2)], ["dh", flat(dh)], ["dz1", flat(dz1)], ["dx", flat(dx)],
    ...Object.entries(grads),
    ["W1'", flat(dense1.weight.value)], ["b1'", flat((dense1.bias as { value: Tensor }).value)],
    ["W2'", flat(dense2.weight.value)], ["b2'", flat((dense2.bias as { value: Tensor }).value)],
    ["z1'", flat(z1After)], ["z2'", flat(z2After)], ["p'", flat(pAfter)], ["L'", [lAfter]],
  ]);
}

describe("docs/math_derivations.md §2.2 worked example", () => {
  const shown = workedTable(doc);
  const computed = computeWorkedExample();

  it("the table shows every quantity the test computes, and nothing else", () => {
    expect([...shown.keys()].sort()).toEqual([...computed.keys()].sort());
  });

  it.each([...computed.keys()])("%s in the document equals the library's value to the digits shown", (id) => {
    const written = shown.get(id) as Shown;
    const lib = computed.get(id) as number[];
    expect(written.numbers.length).toBe(lib.length);
    const wrong = lib.flatMap((value, i) => (Math.abs(value - written.numbers[i]) <= written.tolerances[i] ? [] : [`[${i}]: document ${written.numbers[i]}, library ${value}`]));
    expect(wrong).toEqual([]);
  });

  it("every decimal number in the prose of §2.2 is one of the table's checked values", () => {
    const start = doc.indexOf("### §2.2");
    const prose = doc.slice(start, doc.indexOf("\n## ", start)).replace(/<!-- worked-example[\s\S]*?<!-- \/worked-example -->/, "").replace(/§\d+(\.\d+)?/g, "");
    const checked = new Set([...shown.values()].flatMap((row) => row.numbers));
    const literals = (prose.replace(/−/g, "-").match(/-?\d+\.\d+/g) ?? []).map(Number);
    expect(literals.length).toBeGreaterThan(40);
    expect(literals.filter((value) => !checked.has(value) && !checked.has(-value))).toEqual([]);
  });

  it("every number in the §2.2 figure is one of the table's checked values", () => {
    const svg = readFileSync(join(root, "docs", "figures", "worked-network.svg"), "utf8");
    const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    const checked = new Set([...shown.values()].flatMap((row) => row.numbers));
    const literals = (text.replace(/−/g, "-").match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    expect(literals.length).toBeGreaterThan(30);
    expect(literals.filter((value) => !checked.has(value))).toEqual([]);
  });

  it("the step lowered the loss", () => {
    const before = computed.get("L") as number[], after = computed.get("L'") as number[];
    expect(after[0]).toBeLessThan(before[0]);
  });
});

/** The document with every run of white space as one space, so line wrapping does not matter. */
const flowed = doc.replace(/\s+/g, " ");

/** The first `count` numbers written after `anchor`, which must occur exactly once. */
function numbersAfter(anchor: string, count: number): Shown {
  const at = flowed.indexOf(anchor);
  if (at < 0 || flowed.indexOf(anchor, at + 1) >= 0) throw new Error(`docs/math_derivations.md: expected the phrase "${anchor}" exactly once`);
  const literals = (flowed.slice(at + anchor.length, at + anchor.length + 400).replace(/−/g, "-").match(/-?\d+(?:\.\d+)?/g) ?? []).slice(0, count);
  return { numbers: literals.map(Number), tolerances: literals.map((s) => 0.5 * 10 ** -(s.split(".")[1]?.length ?? 0) + 1e-12) };
}

function expectShown(shown: Shown, computed: number[]): void {
  expect(shown.numbers.length).toBe(computed.length);
  const wrong = computed.flatMap((value, i) => (Math.abs(value - shown.numbers[i]) <= shown.tolerances[i] ? [] : [`[${i}]: document ${shown.numbers[i]}, library ${value}`]));
  expect(wrong).toEqual([]);
}

describe("docs/math_derivations.md: smaller worked numbers", () => {
  it("§3.3: σ′(5)", () => {
    const sigmoid = new Sigmoid({ dtype: "float64" });
    sigmoid.forward(tensor([5], "float64"));
    expectShown(numbersAfter("(σ′(5) = ", 1), flat(sigmoid.backward(tensor([1], "float64"))));
  });

  it("§A.1: the alternating Taylor series of erf at x = 3 cancels a term 214 times the result and loses about 2.5 digits", () => {
    let sum = 0, term = 3, largest = 0;
    for (let n = 0; n < 60; n++) {
      sum += term / (2 * n + 1);
      largest = Math.max(largest, Math.abs(term / (2 * n + 1)));
      term *= -9 / (n + 1);
    }
    const exact = erf(3);
    const relativeError = Math.abs((2 / Math.sqrt(Math.PI)) * sum - exact) / exact;
    expectShown(numbersAfter("at x = 3 its largest term is ", 1), [((2 / Math.sqrt(Math.PI)) * largest) / exact]);
    // "off by 2–3·10⁻¹⁴ relative … about 2.5 of the 16 digits lost"
    expect(relativeError).toBeGreaterThan(1.5e-14);
    expect(relativeError).toBeLessThan(3.5e-14);
    expect(Math.log10(relativeError / 2 ** -53)).toBeCloseTo(2.5, 0);
  });

  it("§4.2: at z = 200, q = 0 the naive form gives loss 100 and gradient 0, the fused form 200 and 1", () => {
    const z = tensor([[200]], "float64"), q = tensor([[0]], "float64");
    const sigmoid = new Sigmoid({ dtype: "float64" }), bce = new BinaryCrossEntropy();
    const naiveLoss = bce.forward(sigmoid.forward(z), q);
    const naiveGradient = flat(sigmoid.backward(bce.backward()))[0];
    const fused = new BCEWithLogits();
    const fusedLoss = fused.forward(z, q);
    const fusedGradient = flat(fused.backward())[0];
    expectShown(numbersAfter("the loss reads ", 2), [naiveLoss, fusedLoss]);
    expectShown(numbersAfter("p(1 − p) = 0, giving ", 2), [naiveGradient, fusedGradient]);
  });

  it("§4.3: softmax of [2, 1, 0] and the cross-entropy gradient for class 0", () => {
    const loss = new SoftmaxCrossEntropy();
    const z = tensor([[2, 1, 0]], "float64");
    loss.forward(z, tensor([0], "float64"));
    expectShown(numbersAfter("with class 0 as the target: p = ", 6), [...flat(softmax(z)), ...flat(loss.backward())]);
  });

  it("§6.1: BatchNorm's gradient for the column [1, 2, 3] and dy = [1, 0, 0]", () => {
    const norm = new BatchNorm1d(1, { dtype: "float64" });
    const y = flat(norm.forward(tensor([[1], [2], [3]], "float64")));
    const dx = flat(norm.backward(tensor([[1], [0], [0]], "float64")));
    expectShown(numbersAfter("(with the default ε = 10⁻⁵) x̂ = ", 3), y);
    expectShown(numbersAfter("the formula gives dx = ", 3), dx);
    expectShown(numbersAfter("dw = Σ dy·x̂ = ", 1), flat(norm.weight.grad));
    expectShown(numbersAfter("dc = Σ dy = ", 1), flat(norm.bias.grad));
    expectShown(numbersAfter("dx = dy/ŝ = ", 3), [1 / Math.sqrt(2 / 3 + 1e-5), 0, 0]);
  });

  it("§7: ten residual blocks with weight 0.1·I scale the gradient by 1.1¹⁰", () => {
    const blocks = Array.from({ length: 10 }, () => {
      const dense = new Dense(2, 2, { init: "zeros", bias: false, dtype: "float64" });
      dense.weight.value.data.set([0.1, 0, 0, 0.1]);
      return new Residual(dense);
    });
    const stack = new Sequential(blocks);
    stack.forward(tensor([[1, 1]], "float64"));
    const dx = flat(stack.backward(tensor([[1, 1]], "float64")));
    expectShown(numbersAfter("ten such blocks give 1.1¹⁰ = ", 1), [dx[0]]);
  });

  it("§8: sigmoid layers under Xavier weights: the forward variance's fixed point and the backward factor", () => {
    // E[f(z)] for z ~ N(0, v), by the trapezoid rule on ±12 standard deviations.
    const gaussianMean = (f: (z: number) => number, v: number): number => {
      const sd = Math.sqrt(v), steps = 4000, width = (24 * sd) / steps;
      let total = 0;
      for (let i = 0; i <= steps; i++) {
        const z = -12 * sd + i * width;
        total += (i === 0 || i === steps ? 0.5 : 1) * f(z) * Math.exp(-(z * z) / (2 * v));
      }
      return (total * width) / Math.sqrt(2 * Math.PI * v);
    };
    // Equal fans, σ_w² = 1/fanIn: the next pre-activation variance is E[σ(z)²].
    let v = 1;
    for (let i = 0; i < 60; i++) v = gaussianMean((z) => sigmoid(z) ** 2, v);
    const slopeSquared = gaussianMean((z) => (sigmoid(z) * (1 - sigmoid(z))) ** 2, v);
    expectShown(numbersAfter("settles at the fixed point 4/15 ≈ ", 2), [4 / 15, v]);
    expectShown(numbersAfter("at the fixed point E[σ′²] = ", 1), [slopeSquared]);
    expectShown(numbersAfter("shrinks about fourfold (×", 1), [Math.sqrt(slopeSquared)]);
  });

  it("§9.1: one SGD step on L = ½(θ₁² + 10θ₂²) multiplies θ₂ by 1 − 10γ", () => {
    const factor = (lr: number): number => {
      const theta = { name: "θ₂", value: tensor([1], "float64"), grad: zeros([1], "float64") };
      theta.grad.data[0] = 10 * theta.value.data[0];
      new SGD([theta], { lr }).step();
      return theta.value.data[0];
    };
    // "γ = 0.19 multiplies θ₂ by −0.9 per step …, γ = 0.21 multiplies it by −1.1"
    const [lrBelow, factorBelow, lrAbove, factorAbove] = numbersAfter("Example: L = ½(θ₁² + 10θ₂²) has λ = 1 and 10; γ = ", 4).numbers;
    expect([lrBelow, lrAbove]).toEqual([0.19, 0.21]);
    expect(factor(lrBelow)).toBeCloseTo(factorBelow, 12);
    expect(factor(lrAbove)).toBeCloseTo(factorAbove, 12);
  });

  it("§9.2: AMSGrad's rate, PyTorch's form, rises 13.5-fold from step 1 to step 200 after one gradient of 1", () => {
    const theta = { name: "θ", value: zeros([1], "float64"), grad: zeros([1], "float64") };
    const adam = new Adam([theta], { lr: 1e-3, amsgrad: true });
    const rates: number[] = [];
    for (let t = 1; t <= 200; t++) {
      theta.grad.data[0] = t === 1 ? 1 : 0;
      theta.value.data[0] = 0;
      adam.step();
      // The step is γ·m̂/(√v̂ + ε) with m̂ = mₜ/(1 − β₁ᵗ) and mₜ = (1 − β₁)β₁^(t−1) for this gradient sequence.
      const mHat = (0.1 * 0.9 ** (t - 1)) / (1 - 0.9 ** t);
      rates.push(-theta.value.data[0] / mHat);
    }
    expectShown(numbersAfter("so γ/(√v̂ + ε) rises ", 1), [rates[199] / rates[0]]);
    expectShown(numbersAfter("grows from √0.001 to √(1 − 0.999²⁰⁰) = ", 1), [Math.sqrt(1 - 0.999 ** 200)]);
    expect(rates.some((r, i) => i > 0 && r > rates[i - 1])).toBe(true);
  });

  it("§11.1: [1000, 999, 998] shifted by its maximum", () => {
    const x = tensor([1000, 999, 998], "float64");
    const lse = flat(logSumExp(x))[0];
    expectShown(numbersAfter("the shifted exponents are [0, −1, −2], S = 1 + e⁻¹ + e⁻² = ", 5), [Math.exp(lse - 1000), lse, ...flat(softmax(x))]);
  });
});

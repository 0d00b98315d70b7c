import { describe, expect, it } from "vitest";
import { type Tensor, createRng, rand, randn, tensor } from "@nn/tensor";
import * as ag from "../src/index.js";
import type { Variable } from "../src/index.js";
import { checkOp } from "./check-op.js";

const rng = createRng(2026);
const normal = (shape: number[]): Tensor => randn(shape, rng, { dtype: "float64" });
const uniform = (shape: number[], low: number, high: number): Tensor => rand(shape, rng, { low, high, dtype: "float64" });
/** Values at least 0.1 away from 0, where |x|, ReLU and LeakyReLU have their kink. */
const awayFromZero = (shape: number[]): Tensor => {
  const t = uniform(shape, 0.1, 2);
  for (let i = 0; i < t.size; i++) if (i % 2 === 1) t.data[i] = -t.data[i];
  return t;
};

interface Case {
  name: string;
  op: (...xs: Variable[]) => Variable;
  inputs: () => Tensor[];
}

const cases: Case[] = [
  { name: "add, same shape", op: (a, b) => ag.add(a, b), inputs: () => [normal([3, 4]), normal([3, 4])] },
  { name: "add, row broadcast [3,4] + [4]", op: (a, b) => ag.add(a, b), inputs: () => [normal([3, 4]), normal([4])] },
  { name: "add, outer broadcast [3,1] + [1,4]", op: (a, b) => ag.add(a, b), inputs: () => [normal([3, 1]), normal([1, 4])] },
  { name: "add, rank-0 + [2,3]", op: (a, b) => ag.add(a, b), inputs: () => [normal([]), normal([2, 3])] },
  { name: "add, a number", op: (a) => ag.add(a, 2.5), inputs: () => [normal([2, 3])] },
  { name: "sub, broadcast [2,1,3] − [4,1]", op: (a, b) => ag.sub(a, b), inputs: () => [normal([2, 1, 3]), normal([4, 1])] },
  { name: "mul, broadcast [3,4] · [3,1]", op: (a, b) => ag.mul(a, b), inputs: () => [normal([3, 4]), normal([3, 1])] },
  { name: "mul, x · x (one input used twice)", op: (a) => ag.mul(a, a), inputs: () => [normal([5])] },
  { name: "div, broadcast [3,4] / [4]", op: (a, b) => ag.div(a, b), inputs: () => [normal([3, 4]), awayFromZero([4])] },
  { name: "div, a number by a variable", op: (b) => ag.div(1, b), inputs: () => [awayFromZero([2, 3])] },
  { name: "neg", op: (a) => ag.neg(a), inputs: () => [normal([2, 3])] },
  { name: "pow 3", op: (a) => ag.pow(a, 3), inputs: () => [normal([2, 3])] },
  { name: "pow −1.5", op: (a) => ag.pow(a, -1.5), inputs: () => [uniform([2, 3], 0.5, 2)] },
  { name: "exp", op: (a) => ag.exp(a), inputs: () => [normal([2, 3])] },
  { name: "log", op: (a) => ag.log(a), inputs: () => [uniform([2, 3], 0.2, 3)] },
  { name: "sqrt", op: (a) => ag.sqrt(a), inputs: () => [uniform([2, 3], 0.2, 3)] },
  { name: "abs", op: (a) => ag.abs(a), inputs: () => [awayFromZero([2, 3])] },
  { name: "tanh", op: (a) => ag.tanh(a), inputs: () => [normal([3, 3])] },
  { name: "sigmoid", op: (a) => ag.sigmoid(a), inputs: () => [normal([3, 3])] },
  { name: "relu", op: (a) => ag.relu(a), inputs: () => [awayFromZero([3, 4])] },
  { name: "leakyRelu 0.2", op: (a) => ag.leakyRelu(a, 0.2), inputs: () => [awayFromZero([3, 4])] },
  { name: "gelu exact", op: (a) => ag.gelu(a), inputs: () => [normal([3, 4])] },
  { name: "gelu tanh", op: (a) => ag.gelu(a, { approximate: "tanh" }), inputs: () => [normal([3, 4])] },
  { name: "softplus", op: (a) => ag.softplus(a), inputs: () => [normal([3, 4])] },
  { name: "softplus beta 2, past the threshold", op: (a) => ag.softplus(a, { beta: 2, threshold: 3 }), inputs: () => [tensor([-3, -0.5, 0.4, 1.2, 2, 5], "float64")] },
  { name: "sum, every element", op: (a) => ag.sum(a), inputs: () => [normal([3, 4])] },
  { name: "sum, axis 0", op: (a) => ag.sum(a, 0), inputs: () => [normal([3, 4])] },
  { name: "sum, middle axis of rank 3, keepDims", op: (a) => ag.sum(a, 1, true), inputs: () => [normal([2, 3, 4])] },
  { name: "mean, every element", op: (a) => ag.mean(a), inputs: () => [normal([3, 4])] },
  { name: "mean, axis −1", op: (a) => ag.mean(a, -1), inputs: () => [normal([3, 4])] },
  { name: "max, every element", op: (a) => ag.max(a), inputs: () => [normal([3, 4])] },
  { name: "max, axis 1, keepDims", op: (a) => ag.max(a, 1, true), inputs: () => [normal([3, 4])] },
  { name: "matmul", op: (a, b) => ag.matmul(a, b), inputs: () => [normal([3, 4]), normal([4, 2])] },
  { name: "matmul Aᵀ·B", op: (a, b) => ag.matmul(a, b, { transposeA: true }), inputs: () => [normal([4, 3]), normal([4, 2])] },
  { name: "matmul A·Bᵀ", op: (a, b) => ag.matmul(a, b, { transposeB: true }), inputs: () => [normal([3, 4]), normal([2, 4])] },
  { name: "matmul Aᵀ·Bᵀ", op: (a, b) => ag.matmul(a, b, { transposeA: true, transposeB: true }), inputs: () => [normal([4, 3]), normal([2, 4])] },
  { name: "linear x·W + b", op: (x, w, b) => ag.linear(x, w, b), inputs: () => [normal([3, 4]), normal([4, 2]), normal([2])] },
  {
    name: "linear with relu, outputs away from the kink",
    op: (x, w, b) => ag.linear(x, w, b, { relu: true }),
    inputs: () => [tensor([[1, 2], [3, -1]], "float64"), tensor([[0.5, -1, 0.3], [0.2, 0.4, -0.6]], "float64"), tensor([0.1, -0.2, 0.3], "float64")],
  },
  { name: "linear without a bias, one row", op: (x, w) => ag.linear(x, w), inputs: () => [normal([1, 3]), normal([3, 5])] },
  { name: "reshape", op: (a) => ag.reshape(a, [4, -1]), inputs: () => [normal([2, 3, 2])] },
  { name: "transpose", op: (a) => ag.transpose(a), inputs: () => [normal([3, 5])] },
  { name: "slice, axis 1 [1, 3)", op: (a) => ag.slice(a, 1, 1, 3), inputs: () => [normal([3, 4])] },
  { name: "slice, negative start on axis 0", op: (a) => ag.slice(a, 0, -2), inputs: () => [normal([4, 2])] },
  { name: "concat, axis 0", op: (a, b) => ag.concat([a, b], 0), inputs: () => [normal([2, 3]), normal([1, 3])] },
  { name: "concat, axis 1 with a variable used twice", op: (a, b) => ag.concat([a, b, a], 1), inputs: () => [normal([2, 3]), normal([2, 1])] },
  { name: "gather class scores", op: (a) => ag.gather(a, [2, 0, 1, 2]), inputs: () => [normal([4, 3])] },
  { name: "gather, a repeated index", op: (a) => ag.gather(a, tensor([[1, 1], [0, 2]])), inputs: () => [normal([2, 2, 3])] },
  { name: "softmax, last axis", op: (a) => ag.softmax(a), inputs: () => [normal([3, 4])] },
  { name: "softmax, axis 0", op: (a) => ag.softmax(a, 0), inputs: () => [normal([3, 4])] },
  { name: "logSoftmax", op: (a) => ag.logSoftmax(a), inputs: () => [normal([3, 4])] },
  { name: "mseLoss", op: (p) => ag.mseLoss(p, tensor([[0.5], [-1], [2]], "float64")), inputs: () => [normal([3, 1])] },
  { name: "binaryCrossEntropy", op: (p) => ag.binaryCrossEntropy(p, tensor([1, 0, 1, 0], "float64")), inputs: () => [uniform([4, 1], 0.1, 0.9)] },
  { name: "bceWithLogits", op: (z) => ag.bceWithLogits(z, tensor([[1, 0], [0, 1]], "float64")), inputs: () => [normal([2, 2])] },
  { name: "softmaxCrossEntropy, class indices", op: (z) => ag.softmaxCrossEntropy(z, tensor([2, 0, 1])), inputs: () => [normal([3, 4])] },
  {
    name: "softmaxCrossEntropy, probabilities and label smoothing",
    op: (z) => ag.softmaxCrossEntropy(z, tensor([[0.2, 0.8, 0], [0, 0, 1]], "float64"), { labelSmoothing: 0.1 }),
    inputs: () => [normal([2, 3])],
  },
];

describe("every op's gradient against central differences (float64)", () => {
  it.each(cases)("$name", ({ op, inputs }) => {
    const report = checkOp(op, inputs());
    expect(report.kinkCount, "no input sits on a kink").toBe(0);
    const worst = report.entries.map((e) => `${e.name}: ${e.maxRelError}`).join(", ");
    expect(report.passed, worst).toBe(true);
  });
});

describe("float32", () => {
  it.each(cases)("$name: float32 gradients round the float64 ones", ({ op, inputs }) => {
    const xs64 = inputs();
    const xs32 = xs64.map((t) => t.astype("float32"));
    // Both start from the same float32-representable point, so they differ only by float32 rounding.
    const start = xs32.map((t) => t.astype("float64"));
    const f = (...vs: Variable[]): Variable => ag.sum(op(...vs));
    const argnums = xs64.map((_, i) => i);
    const g64 = ag.grad(f, { argnums })(...start);
    const g32 = ag.grad(f, { argnums })(...xs32);
    g32.forEach((g, i) => {
      expect(g.dtype).toBe("float32");
      const scale = Math.max(1, ...Array.from(g64[i].data, Math.abs));
      for (let j = 0; j < g.size; j++) {
        const err = Math.abs(g.data[j] - g64[i].data[j]) / scale;
        expect(err <= 1e-5, `input ${i}, element ${j}: ${g.data[j]} vs ${g64[i].data[j]}`).toBe(true);
      }
    });
  });
});

describe("coverage", () => {
  it("every exported operation has a gradient-check case (named by its first word)", () => {
    const notOps = new Set(["Variable", "noGrad", "isGradEnabled", "grad", "valueAndGrad", "fromParameter"]);
    const ops = Object.entries(ag).filter(([name, value]) => typeof value === "function" && !notOps.has(name)).map(([name]) => name);
    expect(ops.length).toBeGreaterThanOrEqual(30);
    const checked = new Set(cases.map((c) => /^\w+/.exec(c.name)?.[0]));
    expect(ops.filter((op) => !checked.has(op))).toEqual([]);
  });
});

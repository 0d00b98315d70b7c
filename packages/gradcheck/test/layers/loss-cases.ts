// How to build and check each loss exported by @nn/layers (and L2Penalty, which has a backward
// too). Keyed by export name: the enumeration test fails for any exported loss missing here.
import * as nn from "@nn/layers";
import { type DType, Tensor, zeros } from "@nn/tensor";
import { type Layer, type Parameter, checkLayer, checkLoss } from "../../src/index.js";
import { DTYPES, type GradcheckCase, SEEDS, between, caseRng, exactly, normal, uniform } from "./random-cases.js";

type CaseFactory = () => GradcheckCase[];
type Rng = ReturnType<typeof caseRng>;

function overSeeds(name: string, build: (rng: Rng, dtype: DType, label: string) => GradcheckCase[]): CaseFactory {
  return () => SEEDS.flatMap((seed) => DTYPES.flatMap((dtype) => build(caseRng(seed, dtype), dtype, `${name} seed ${seed} ${dtype}`)));
}

/** 0/1 labels. */
function labels(rng: Rng, shape: number[], dtype: DType): Tensor {
  const t = zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.int(2);
  return t;
}

/** Class indices [n] in [0, k). */
function classIndices(rng: Rng, n: number, k: number, dtype: DType): Tensor {
  const t = zeros([n], dtype);
  for (let i = 0; i < n; i++) t.data[i] = rng.int(k);
  return t;
}

/** Rows of class probabilities (soft targets; one-hot when `hard`). */
function classProbabilities(rng: Rng, n: number, k: number, dtype: DType, hard: boolean): Tensor {
  const t = zeros([n, k], dtype);
  for (let i = 0; i < n; i++) {
    if (hard) {
      t.data[i * k + rng.int(k)] = 1;
      continue;
    }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += t.data[i * k + j] = 0.05 + rng.next();
    for (let j = 0; j < k; j++) t.data[i * k + j] /= sum;
  }
  return t;
}

/** An element-wise loss on [n, d] (and on [n, 1] against a target [n], which those losses accept). */
function elementwise(name: string, make: () => nn.Loss, pred: (rng: Rng, shape: number[], dtype: DType) => Tensor, target: (rng: Rng, shape: number[], dtype: DType) => Tensor): CaseFactory {
  return overSeeds(name, (rng, dtype, label) => {
    const n = between(rng, 1, 6), d = between(rng, 1, 4);
    const p = pred(rng, [n, d], dtype), t = target(rng, [n, d], dtype);
    const column = pred(rng, [n, 1], dtype), vector = target(rng, [n], dtype);
    return [
      { label: `${label} [${n}, ${d}]`, run: () => checkLoss(make(), p, t) },
      { label: `${label} [${n}, 1] against target [${n}]`, run: () => checkLoss(make(), column, vector) },
    ];
  });
}

/** A penalty R (L2Penalty, L1Penalty) as a layer whose output is R, so checkLayer differentiates it through its parameters. */
function penaltyAsLayer(penalty: nn.Penalty, params: readonly Parameter[]): Layer {
  return {
    parameters: () => params,
    forward: () => new Tensor(Float64Array.of(penalty.value()), [1, 1]),
    backward: (dy: Tensor) => {
      // backward() adds λw into each grad; dL/dR = dy scales it.
      const before = params.map((p) => p.grad.data.slice());
      penalty.backward();
      params.forEach((p, k) => {
        for (let i = 0; i < p.grad.data.length; i++) p.grad.data[i] = before[k][i] + dy.data[0] * (p.grad.data[i] - before[k][i]);
      });
      return zeros([1, 1], "float64");
    },
  };
}

const unit = (rng: Rng, shape: number[], dtype: DType): Tensor => normal(rng, shape, dtype);
const probability = (rng: Rng, shape: number[], dtype: DType): Tensor => uniform(rng, shape, dtype, 0.05, 0.95);

export const lossCases: Record<string, CaseFactory> = {
  BinaryCrossEntropyLoss: () => [
    ...elementwise("BinaryCrossEntropyLoss 0/1 targets", () => new nn.BinaryCrossEntropyLoss(), probability, labels)(),
    ...elementwise("BinaryCrossEntropyLoss soft targets", () => new nn.BinaryCrossEntropyLoss(), probability, probability)(),
  ],
  BCEWithLogitsLoss: () => [
    ...elementwise("BCEWithLogitsLoss 0/1 targets", () => new nn.BCEWithLogitsLoss(), (r, s, d) => normal(r, s, d, 3), labels)(),
    ...elementwise("BCEWithLogitsLoss soft targets", () => new nn.BCEWithLogitsLoss(), (r, s, d) => normal(r, s, d, 3), probability)(),
  ],
  SoftmaxCrossEntropyLoss: overSeeds("SoftmaxCrossEntropyLoss", (rng, dtype, label) => {
    const n = between(rng, 1, 5), k = between(rng, 2, 5);
    const logits = normal(rng, [n, k], dtype, 2);
    const targets = [
      ["class indices", classIndices(rng, n, k, dtype)],
      ["one-hot", classProbabilities(rng, n, k, dtype, true)],
      ["soft", classProbabilities(rng, n, k, dtype, false)],
    ] as const;
    return [0, 0.1].flatMap((labelSmoothing) => targets.map(([kind, t]) => ({
      label: `${label} [${n}, ${k}] ${kind} labelSmoothing ${labelSmoothing}`,
      run: () => checkLoss(new nn.SoftmaxCrossEntropyLoss({ labelSmoothing }), logits, t),
    })));
  }),
  MSELoss: elementwise("MSELoss", () => new nn.MSELoss(), unit, unit),
  L1Loss: () => [
    ...elementwise("L1Loss", () => new nn.L1Loss(), unit, unit)(),
    ...DTYPES.map((dtype) => ({
      label: `L1Loss at its kink pred = target ${dtype}`,
      run: () => checkLoss(new nn.L1Loss(), exactly([[0.5, 1], [-2, 0.25]], dtype), exactly([[0.5, 0], [-2, 1]], dtype)),
    })),
  ],
  HuberLoss: () => [
    ...elementwise("HuberLoss", () => new nn.HuberLoss(), (r, s, d) => normal(r, s, d, 2), unit)(),
    ...elementwise("HuberLoss(delta 0.3)", () => new nn.HuberLoss({ delta: 0.3 }), unit, unit)(),
    ...DTYPES.map((dtype) => ({
      // d = pred − target exactly ±δ, where the curvature jumps from 1 to 0. Huber is C¹ there, but
      // the central difference is only O(h) accurate: off by h/(4δ) relatively, 2e-6 for δ = 1/8,
      // above rtol, so the check must report these coordinates as kinks rather than fail them.
      label: `HuberLoss(delta 0.125) at its edges ${dtype}`,
      run: () => checkLoss(new nn.HuberLoss({ delta: 0.125 }), exactly([[0.125, -0.125], [1, 0.25]], dtype), exactly([[0, 0], [1, -0.5]], dtype)),
    })),
  ],
  L1Penalty: () => SEEDS.map((seed) => {
    const rng = caseRng(seed, "float64");
    const dense = new nn.Dense(between(rng, 1, 4), between(rng, 1, 4), { rng, dtype: "float64" });
    // |w| ≥ 0.1 keeps every weight a central difference's step away from the kink at 0.
    for (const p of dense.parameters()) for (let i = 0; i < p.value.size; i++) p.value.data[i] = (rng.next() < 0.5 ? -1 : 1) * (0.1 + rng.next());
    const lambda = 0.1 + rng.next();
    const penalty = new nn.L1Penalty(dense.parameters(), { lambda });
    const layer = penaltyAsLayer(penalty, penalty.params);
    return { label: `L1Penalty seed ${seed} λ ${lambda.toFixed(3)} over ${penalty.params.map((p) => p.name).join(", ")}`, run: () => checkLayer(layer, zeros([1, 1], "float64"), { checkInput: false }) };
  }),
  PenalisedLoss: overSeeds("PenalisedLoss", (rng, dtype, label) => {
    // dL/dpred is the data loss's: the penalties depend on the parameters only.
    const n = between(rng, 1, 5), k = between(rng, 2, 5);
    const dense = new nn.Dense(2, 2, { rng, dtype });
    const params = dense.parameters();
    const penalties = [new nn.L1Penalty(params, { lambda: 0.3 }), new nn.L2Penalty(params, { lambda: 0.2 })];
    return [{
      label: `${label} SoftmaxCrossEntropyLoss + L1 + L2 [${n}, ${k}]`,
      run: () => checkLoss(new nn.PenalisedLoss(new nn.SoftmaxCrossEntropyLoss(), penalties), normal(rng, [n, k], dtype, 2), classIndices(rng, n, k, dtype)),
    }];
  }),
  L2Penalty: () => SEEDS.map((seed) => {
    const rng = caseRng(seed, "float64");
    const dense = new nn.Dense(between(rng, 1, 4), between(rng, 1, 4), { rng, dtype: "float64" });
    for (const p of dense.parameters()) for (let i = 0; i < p.value.size; i++) p.value.data[i] = rng.normal();
    const lambda = 0.1 + rng.next();
    const penalty = new nn.L2Penalty(dense.parameters(), { lambda });
    const layer = penaltyAsLayer(penalty, penalty.params);
    return { label: `L2Penalty seed ${seed} λ ${lambda.toFixed(3)} over ${penalty.params.map((p) => p.name).join(", ")}`, run: () => checkLayer(layer, zeros([1, 1], "float64"), { checkInput: false }) };
  }),
};

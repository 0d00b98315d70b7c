// Every optimizer finds the minimum of a convex quadratic and of the Rosenbrock function.
import { describe, expect, it } from "vitest";
import {
  Adagrad,
  Adam,
  AdamW,
  CosineAnnealingLR,
  type EpochScheduler,
  ExponentialLR,
  type Optimizer,
  type Parameter,
  RMSprop,
  SGD,
} from "../src/index.js";
import { parameter } from "./parameters.js";

interface Problem {
  start: number[];
  minimum: number[];
  gradient(x: Float32Array | Float64Array, g: Float32Array | Float64Array): void;
}

// f(x) = ½ xᵀAx − bᵀx, A = [[4,1,0],[1,3,1],[0,1,2]] (det 18, positive definite), b = [1,2,3].
// ∇f = Ax − b = 0 by substitution: x1 = (1 − x2)/4, x3 = (3 − x2)/2, then the middle row
// (1 − x2)/4 + 3x2 + (3 − x2)/2 = 2 gives 9x2 = 1: x* = [2/9, 1/9, 13/9].
const quadratic: Problem = {
  start: [0, 0, 0],
  minimum: [2 / 9, 1 / 9, 13 / 9],
  gradient(x, g) {
    g[0] = 4 * x[0] + x[1] - 1;
    g[1] = x[0] + 3 * x[1] + x[2] - 2;
    g[2] = x[1] + 2 * x[2] - 3;
  },
};

// f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1), from the classic start (−1.2, 1).
const rosenbrock: Problem = {
  start: [-1.2, 1],
  minimum: [1, 1],
  gradient(x, g) {
    g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
    g[1] = 200 * (x[1] - x[0] * x[0]);
  },
};

interface Setup {
  make(params: Parameter[]): Optimizer;
  /** RMSprop and AdamW circle the minimum at a radius that scales with lr; annealing shrinks it. */
  schedule?(opt: Optimizer, steps: number): EpochScheduler;
}

const STEPS = 20000;
const cosine = (opt: Optimizer, steps: number) => new CosineAnnealingLR(opt, { tMax: steps });

const setups: Record<string, { quadratic: Setup; rosenbrock: Setup }> = {
  "SGD": {
    quadratic: { make: (p) => new SGD(p, { lr: 0.1 }) },
    rosenbrock: { make: (p) => new SGD(p, { lr: 1.5e-3 }) },
  },
  "SGD momentum": {
    quadratic: { make: (p) => new SGD(p, { lr: 0.01, momentum: 0.9 }) },
    rosenbrock: { make: (p) => new SGD(p, { lr: 1e-3, momentum: 0.9 }) },
  },
  "SGD Nesterov": {
    quadratic: { make: (p) => new SGD(p, { lr: 0.01, momentum: 0.9, nesterov: true }) },
    rosenbrock: { make: (p) => new SGD(p, { lr: 1e-3, momentum: 0.9, nesterov: true }) },
  },
  "Adam": {
    quadratic: { make: (p) => new Adam(p, { lr: 0.02 }) },
    rosenbrock: { make: (p) => new Adam(p, { lr: 0.02 }) },
  },
  "Adam AMSGrad": {
    quadratic: { make: (p) => new Adam(p, { lr: 0.02, amsgrad: true }) },
    rosenbrock: { make: (p) => new Adam(p, { lr: 0.02, amsgrad: true }) },
  },
  "AdamW": {
    quadratic: { make: (p) => new AdamW(p, { lr: 0.02 }), schedule: cosine },
    rosenbrock: { make: (p) => new AdamW(p, { lr: 0.02 }), schedule: (opt) => new ExponentialLR(opt, { gamma: 0.9995 }) },
  },
  "RMSprop": {
    quadratic: { make: (p) => new RMSprop(p, { lr: 1e-3 }), schedule: cosine },
    rosenbrock: { make: (p) => new RMSprop(p, { lr: 1e-3 }), schedule: cosine },
  },
  "RMSprop centered momentum": {
    quadratic: { make: (p) => new RMSprop(p, { lr: 1e-4, centered: true, momentum: 0.9 }), schedule: cosine },
    rosenbrock: { make: (p) => new RMSprop(p, { lr: 1e-4, centered: true, momentum: 0.9 }) },
  },
  "Adagrad": {
    quadratic: { make: (p) => new Adagrad(p, { lr: 0.5 }) },
    rosenbrock: { make: (p) => new Adagrad(p, { lr: 0.5 }) },
  },
};

function minimise(problem: Problem, setup: Setup, dtype: "float32" | "float64" = "float64"): number {
  const x = parameter("x", problem.start, [problem.start.length], dtype);
  const opt = setup.make([x]);
  const scheduler = setup.schedule?.(opt, STEPS);
  for (let k = 0; k < STEPS; k++) {
    problem.gradient(x.value.data, x.grad.data);
    opt.step();
    scheduler?.step();
  }
  return Math.hypot(...Array.from(x.value.data, (v, i) => v - problem.minimum[i]));
}

describe.each(Object.entries(setups))("%s", (_name, setup) => {
  it("reaches the quadratic's minimum [2/9, 1/9, 13/9] to within 1e-6", () => {
    expect(minimise(quadratic, setup.quadratic)).toBeLessThan(1e-6);
  });

  it("reaches the Rosenbrock minimum (1, 1) from (−1.2, 1) to within 1e-4", () => {
    expect(minimise(rosenbrock, setup.rosenbrock)).toBeLessThan(1e-4);
  });
});

describe("float32 parameters", () => {
  // float32 spaces x by about 1e-7 near x*, so the gradient never gets below ~4e-7 (A times an ulp).
  // Adam-type rules divide that by its own RMS and keep taking steps of a sizeable fraction of lr,
  // which averaging in m damps to a few 1e-6; hence 1e-5 rather than float64's 1e-6.
  it.each(Object.entries(setups))("%s reaches the quadratic's minimum to within 1e-5 in float32", (_name, setup) => {
    expect(minimise(quadratic, setup.quadratic, "float32")).toBeLessThan(1e-5);
  });
});

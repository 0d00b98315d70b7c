// stateDict()/loadStateDict(): JSON-safe and exact. Stopping after k steps, saving through
// JSON.stringify, loading into a fresh optimizer and continuing must give bit-identical
// parameters to an uninterrupted run.
import type { DType } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import {
  Adagrad,
  Adam,
  AdamW,
  CosineAnnealingLR,
  LinearWarmup,
  type Optimizer,
  type OptimizerStateDict,
  type Parameter,
  RMSprop,
  SGD,
  type SchedulerStateDict,
} from "../src/index.js";
import { parameter, scalar } from "./parameters.js";

type Make = (params: Parameter[]) => Optimizer;

// Every option that adds a state buffer is switched on somewhere below.
const optimizers: Array<[string, Make]> = [
  ["SGD nesterov", (p) => new SGD(p, { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ["SGD dampening", (p) => new SGD(p, { lr: 0.05, momentum: 0.9, dampening: 0.2 })],
  ["Adam amsgrad", (p) => new Adam(p, { lr: 0.05, amsgrad: true, weightDecay: 0.01 })],
  ["AdamW", (p) => new AdamW(p, { lr: 0.05 })],
  ["RMSprop centered momentum", (p) => new RMSprop(p, { lr: 0.01, centered: true, momentum: 0.9 })],
  ["Adagrad", (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1 })],
];

function makeParams(dtype: DType): Parameter[] {
  return [
    parameter("layers.0.weight", [0.5, -1.25, 2, 0.75, -0.3, 1.1], [2, 3], dtype),
    parameter("layers.0.bias", [0.1, -0.2, 0.3], [3], dtype),
    scalar("scale", -0.7, dtype),
  ];
}

/** Gradient of a coupled non-quadratic loss, so the path depends on every earlier update. */
function setGradients(params: Parameter[], step: number): void {
  for (const p of params) {
    const v = p.value.data;
    const g = p.grad.data;
    for (let i = 0; i < v.length; i++) g[i] = 2 * v[i] + Math.sin(3 * v[i] + step) - (i % 2 === 0 ? 0.5 : -0.25);
  }
}

function run(optimizer: Optimizer, params: Parameter[], from: number, to: number, after?: () => void): void {
  for (let step = from; step < to; step++) {
    setGradients(params, step);
    optimizer.step();
    after?.();
  }
}

function bytes(params: Parameter[]): number[][] {
  return params.map((p) => Array.from(new Uint8Array(p.value.data.buffer, p.value.data.byteOffset, p.value.data.byteLength)));
}

describe.each(optimizers)("%s", (_label, make) => {
  describe.each(["float64", "float32"] as const)("%s", (dtype) => {
    it("resumes bit-identically after a JSON round trip of its state dict", () => {
      const straight = makeParams(dtype);
      const straightOpt = make(straight);
      run(straightOpt, straight, 0, 12);

      const first = makeParams(dtype);
      const firstOpt = make(first);
      run(firstOpt, first, 0, 5);
      const saved = JSON.stringify({ optimizer: firstOpt.stateDict(), weights: first.map((p) => Array.from(p.value.data)) });

      const restored = JSON.parse(saved) as { optimizer: OptimizerStateDict; weights: number[][] };
      const resumed = makeParams(dtype);
      resumed.forEach((p, i) => p.value.data.set(restored.weights[i]));
      const resumedOpt = make(resumed);
      resumedOpt.loadStateDict(restored.optimizer);
      run(resumedOpt, resumed, 5, 12);

      expect(bytes(resumed)).toEqual(bytes(straight));
      expect(JSON.stringify(resumedOpt.stateDict())).toBe(JSON.stringify(straightOpt.stateDict()));
    });
  });
});

describe("state dict contents", () => {
  it("is plain JSON: arrays of numbers, no typed arrays, one entry per parameter, null before the first step", () => {
    const params = makeParams("float32");
    const opt = new Adam(params, { amsgrad: true });
    expect(opt.stateDict().state).toEqual([null, null, null]);
    setGradients(params, 0);
    opt.step();
    const dict = opt.stateDict();
    expect(dict.optimizer).toBe("Adam");
    expect(dict.lr).toBe(1e-3);
    expect(dict.options).toEqual({ betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: true });
    const weight = dict.state[0];
    expect(weight?.name).toBe("layers.0.weight");
    expect(weight?.step).toBe(1);
    expect(Object.keys(weight?.buffers ?? {})).toEqual(["expAvg", "expAvgSq", "maxExpAvgSq"]);
    expect(weight?.buffers.expAvg.shape).toEqual([2, 3]);
    expect(weight?.buffers.expAvg.dtype).toBe("float32");
    expect(Array.isArray(weight?.buffers.expAvg.values)).toBe(true);
    expect(JSON.parse(JSON.stringify(dict))).toEqual(dict);
  });

  it("carries NaN, ±Infinity and -0 through JSON, which JSON itself cannot", () => {
    const p = parameter("w", [1, 2, 3, 4], [4]);
    const opt = new SGD([p], { lr: 1, momentum: 0.5 });
    p.grad.data.set([NaN, Infinity, -Infinity, -0]);
    opt.step();
    const dict = JSON.parse(JSON.stringify(opt.stateDict())) as OptimizerStateDict;
    expect(dict.state[0]?.buffers.momentumBuffer.values).toEqual(["NaN", "Infinity", "-Infinity", "-0"]);
    const q = parameter("w", [0, 0, 0, 0], [4]);
    const fresh = new SGD([q], { lr: 1, momentum: 0.5 });
    fresh.loadStateDict(dict);
    const buffer = fresh.stateDict().state[0]?.buffers.momentumBuffer.values;
    expect(buffer).toEqual(["NaN", "Infinity", "-Infinity", "-0"]);
  });

  it("restores lr and hyperparameters, as PyTorch's load_state_dict does", () => {
    const a = new RMSprop(makeParams("float64"), { lr: 0.05, alpha: 0.9, momentum: 0.5 });
    a.lr = 0.0125;
    const b = new RMSprop(makeParams("float64"));
    b.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())) as OptimizerStateDict);
    expect(b.lr).toBe(0.0125);
    expect(b.options).toEqual(a.options);
  });

  it("refuses a state dict from another optimizer, another model, or with missing buffers, and changes nothing", () => {
    const params = makeParams("float64");
    const adam = new Adam(params);
    setGradients(params, 0);
    adam.step();
    const dict = adam.stateDict();
    const sgd = new SGD(makeParams("float64"), { lr: 0.1 });
    expect(() => sgd.loadStateDict(dict)).toThrow("SGD.loadStateDict: the state dict is for Adam, not SGD");

    const other = new Adam([scalar("w", 1)]);
    expect(() => other.loadStateDict(dict)).toThrow("Adam.loadStateDict: the state dict has 3 parameter entries but this optimizer has 1 parameters");

    const renamed = makeParams("float64").map((p, i) => (i === 1 ? { ...p, name: "fc.bias" } : p));
    expect(() => new Adam(renamed).loadStateDict(dict)).toThrow(
      'Adam.loadStateDict: entry 1 is for parameter "layers.0.bias" but parameter 1 is "fc.bias"',
    );

    const fresh = new Adam(makeParams("float64"), { lr: 0.5 });
    const amsgradDict = { ...dict, lr: 0.01, options: { ...dict.options, amsgrad: true } };
    expect(() => fresh.loadStateDict(amsgradDict)).toThrow('Adam.loadStateDict: "layers.0.weight" has no "maxExpAvgSq" buffer');
    expect(fresh.lr).toBe(0.5);
    expect(fresh.options.amsgrad).toBe(false);

    const badBetas = { ...dict, options: { ...dict.options, betas: [1.5, 0.999] } };
    expect(() => fresh.loadStateDict(badBetas)).toThrow("Adam: betas[0] must be in [0, 1), got 1.5");
  });
});

describe("scheduler state resumes with the optimizer", () => {
  it("LinearWarmup → CosineAnnealingLR: same learning rates and parameters after save and load", () => {
    const runWith = (stopAt: number | null): { lrs: number[]; params: Parameter[] } => {
      let params = makeParams("float64");
      let opt = new Adam(params, { lr: 0.1 });
      let sched = new LinearWarmup(opt, { steps: 3, after: new CosineAnnealingLR(opt, { tMax: 6, etaMin: 0.001 }) });
      const lrs: number[] = [];
      for (let step = 0; step < 10; step++) {
        if (step === stopAt) {
          const saved = JSON.stringify({ o: opt.stateDict(), s: sched.stateDict(), w: params.map((p) => Array.from(p.value.data)) });
          const back = JSON.parse(saved) as { o: OptimizerStateDict; s: SchedulerStateDict; w: number[][] };
          params = makeParams("float64");
          params.forEach((p, i) => p.value.data.set(back.w[i]));
          opt = new Adam(params, { lr: 0.1 });
          sched = new LinearWarmup(opt, { steps: 3, after: new CosineAnnealingLR(opt, { tMax: 6, etaMin: 0.001 }) });
          opt.loadStateDict(back.o);
          sched.loadStateDict(back.s);
        }
        lrs.push(opt.lr);
        setGradients(params, step);
        opt.step();
        sched.step();
      }
      return { lrs, params };
    };
    const straight = runWith(null);
    for (const stopAt of [2, 3, 4, 7]) {
      const resumed = runWith(stopAt);
      expect(resumed.lrs).toEqual(straight.lrs);
      expect(bytes(resumed.params)).toEqual(bytes(straight.params));
    }
  });
});

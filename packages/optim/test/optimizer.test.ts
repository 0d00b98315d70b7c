// Behaviour every optimizer shares: lazy state, any shape and dtype, in-place updates with no
// reallocation, zeroGrad, the lr property.
import type { DType } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Adagrad, Adam, AdamW, type Optimizer, type OptimizerStateDict, type Parameter, RMSprop, SGD } from "../src/index.js";
import { parameter, scalar } from "./parameters.js";

const makers: Array<[string, (p: Parameter[]) => Optimizer]> = [
  ["SGD", (p) => new SGD(p, { lr: 0.1, momentum: 0.9 })],
  ["Adam", (p) => new Adam(p, { amsgrad: true })],
  ["AdamW", (p) => new AdamW(p)],
  ["RMSprop", (p) => new RMSprop(p, { centered: true, momentum: 0.5 })],
  ["Adagrad", (p) => new Adagrad(p)],
];

function shapes(dtype: DType): Parameter[] {
  return [
    scalar("scalar", 0.5, dtype),
    parameter("empty", [], [2, 0], dtype),
    parameter("cube", [1, -2, 3, -4, 5, -6, 7, -8], [2, 2, 2], dtype),
  ];
}

describe.each(makers)("%s", (_name, make) => {
  it.each(["float32", "float64"] as const)("updates parameters of any rank in %s, in place", (dtype) => {
    const params = shapes(dtype);
    const tensors = params.map((p) => p.value.data);
    const before = params.map((p) => Array.from(p.value.data));
    const opt = make(params);
    for (const p of params) p.grad.data.fill(1);
    opt.step();
    params.forEach((p, i) => {
      expect(p.value.data).toBe(tensors[i]);
      expect(p.value.dtype).toBe(dtype);
      Array.from(p.value.data).forEach((v, j) => expect(v).toBeLessThan(before[i][j]));
    });
  });

  it("creates state on the first step and reuses the same buffers afterwards", () => {
    const params = shapes("float32");
    const opt = make(params);
    expect(opt.stateDict().state.every((s) => s === null)).toBe(true);
    for (const p of params) p.grad.data.fill(0.5);
    opt.step();
    const buffers = (opt as unknown as { states: Array<{ buffers: Record<string, Float32Array> }> }).states.map((s) => ({ ...s.buffers }));
    opt.step();
    opt.step();
    const later = (opt as unknown as { states: Array<{ buffers: Record<string, Float32Array> }> }).states;
    later.forEach((s, i) => {
      for (const key of Object.keys(s.buffers)) {
        expect(s.buffers[key]).toBe(buffers[i][key]);
        expect(s.buffers[key]).toBeInstanceOf(Float32Array);
      }
    });
    expect(opt.stateDict().state[2]?.step).toBe(3);
  });

  it("zeroGrad sets every gradient to 0", () => {
    const params = shapes("float64");
    const opt = make(params);
    for (const p of params) p.grad.data.fill(3);
    opt.zeroGrad();
    for (const p of params) expect(Array.from(p.grad.data).every((g) => g === 0)).toBe(true);
  });

  it("uses the lr set between steps for the next update", () => {
    const a = scalar("w", 1);
    const b = scalar("w", 1);
    const fast = make([a]);
    const slow = make([b]);
    slow.lr = fast.lr / 2;
    expect(slow.lr).toBe(fast.lr / 2);
    a.grad.data[0] = 1;
    b.grad.data[0] = 1;
    fast.step();
    slow.step();
    // Every rule here is linear in lr on the first step (AdamW's decay too, to first order).
    expect(1 - b.value.data[0]).toBeCloseTo((1 - a.value.data[0]) / 2, 6);
  });

  it("a step with lr 0 changes nothing (apart from state)", () => {
    const p = parameter("w", [0.25, -1.5], [2]);
    const opt = make([p]);
    opt.lr = 0;
    p.grad.data.set([2, -3]);
    opt.step();
    expect(Array.from(p.value.data)).toEqual([0.25, -1.5]);
  });
});

describe("gradient accumulation is the caller's business", () => {
  it("step() reads grad as it is; without zeroGrad a second backward doubles the step", () => {
    const p = scalar("w", 0);
    const opt = new SGD([p], { lr: 0.5 });
    p.grad.data[0] += 1;
    p.grad.data[0] += 1; // two backward passes, no zeroGrad
    opt.step();
    expect(p.value.data[0]).toBe(-1);
  });
});

describe("the state of a float32 parameter stays float32 in the state dict", () => {
  it("and its values are exactly float32 numbers", () => {
    const p = parameter("w", [0.1, 0.2], [2], "float32");
    const opt = new Adam([p]);
    p.grad.data.set([0.3, 0.7]);
    opt.step();
    const dict = JSON.parse(JSON.stringify(opt.stateDict())) as OptimizerStateDict;
    const values = dict.state[0]?.buffers.expAvg.values as number[];
    for (const v of values) expect(Math.fround(v)).toBe(v);
  });
});

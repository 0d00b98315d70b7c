// Bad hyperparameters are refused with a RangeError that names the optimizer, the option and the
// allowed range, as PyTorch refuses them (its messages: "Invalid learning rate", "Invalid beta
// parameter at index 0", "Nesterov momentum requires a momentum and zero dampening").
import { describe, expect, it } from "vitest";
import { Adagrad, Adam, AdamW, RMSprop, SGD } from "../src/index.js";
import { parameter, scalar } from "./parameters.js";

const params = () => [scalar("w", 1)];

describe("option validation", () => {
  it("reports betas outside [0, 1) with the message DESIGN.md gives", () => {
    expect(() => new Adam(params(), { betas: [1, 0.999] })).toThrow(new RangeError("Adam: betas[0] must be in [0, 1), got 1"));
    expect(() => new Adam(params(), { betas: [0.9, -0.1] })).toThrow("Adam: betas[1] must be in [0, 1), got -0.1");
    expect(() => new AdamW(params(), { betas: [0.9, 1] })).toThrow("AdamW: betas[1] must be in [0, 1), got 1");
  });

  it.each([
    ["SGD lr", () => new SGD(params(), { lr: -0.1 }), "SGD: lr must be a finite number ≥ 0, got -0.1"],
    ["SGD lr NaN", () => new SGD(params(), { lr: NaN }), "SGD: lr must be a finite number ≥ 0, got NaN"],
    ["SGD lr missing", () => new SGD(params(), {} as never), "SGD: lr is required"],
    ["SGD momentum", () => new SGD(params(), { lr: 0.1, momentum: -1 }), "SGD: momentum must be a finite number ≥ 0, got -1"],
    ["SGD dampening", () => new SGD(params(), { lr: 0.1, momentum: 0.9, dampening: 1.5 }), "SGD: dampening must be in [0, 1], got 1.5"],
    ["SGD weightDecay", () => new SGD(params(), { lr: 0.1, weightDecay: -1e-4 }), "SGD: weightDecay must be a finite number ≥ 0, got -0.0001"],
    ["SGD nesterov without momentum", () => new SGD(params(), { lr: 0.1, nesterov: true }), "SGD: nesterov needs momentum > 0 and dampening = 0, got momentum 0 and dampening 0"],
    ["SGD nesterov with dampening", () => new SGD(params(), { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }), "SGD: nesterov needs momentum > 0 and dampening = 0, got momentum 0.9 and dampening 0.1"],
    ["Adam lr", () => new Adam(params(), { lr: -1 }), "Adam: lr must be a finite number ≥ 0, got -1"],
    ["Adam eps", () => new Adam(params(), { eps: -1e-8 }), "Adam: eps must be a finite number ≥ 0, got -1e-8"],
    ["Adam weightDecay", () => new Adam(params(), { weightDecay: Infinity }), "Adam: weightDecay must be a finite number ≥ 0, got Infinity"],
    ["Adam betas not a pair", () => new Adam(params(), { betas: [0.9] as never }), "Adam: betas must be a pair [beta1, beta2], got [0.9]"],
    ["AdamW weightDecay", () => new AdamW(params(), { weightDecay: -0.01 }), "AdamW: weightDecay must be a finite number ≥ 0, got -0.01"],
    ["RMSprop alpha", () => new RMSprop(params(), { alpha: 1.5 }), "RMSprop: alpha must be in [0, 1], got 1.5"],
    ["RMSprop momentum", () => new RMSprop(params(), { momentum: -0.5 }), "RMSprop: momentum must be a finite number ≥ 0, got -0.5"],
    ["RMSprop eps", () => new RMSprop(params(), { eps: -1 }), "RMSprop: eps must be a finite number ≥ 0, got -1"],
    ["Adagrad lrDecay", () => new Adagrad(params(), { lrDecay: -0.1 }), "Adagrad: lrDecay must be a finite number ≥ 0, got -0.1"],
    ["Adagrad initialAccumulatorValue", () => new Adagrad(params(), { initialAccumulatorValue: -1 }), "Adagrad: initialAccumulatorValue must be a finite number ≥ 0, got -1"],
  ])("%s", (_label, make, message) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(message);
  });

  it("refuses a boolean option given as something else", () => {
    expect(() => new Adam(params(), { amsgrad: 1 as never })).toThrow("Adam: amsgrad must be true or false, got 1");
  });

  it("refuses a negative lr set later, and keeps the old one", () => {
    const opt = new Adam(params(), { lr: 0.01 });
    expect(() => {
      opt.lr = -0.5;
    }).toThrow("Adam: lr must be a finite number ≥ 0, got -0.5");
    expect(opt.lr).toBe(0.01);
  });

  it("refuses an empty or repeated parameter list, and value/grad shapes that disagree", () => {
    expect(() => new SGD([], { lr: 0.1 })).toThrow("SGD: params is empty");
    const p = scalar("w", 1);
    expect(() => new SGD([p, p], { lr: 0.1 })).toThrow('SGD: parameter "w" (params[1]) appears more than once');
    const bad = parameter("weight", [1, 2, 3], [3]);
    bad.grad = parameter("g", [1, 2], [2]).value;
    expect(() => new Adam([bad])).toThrow('Adam: parameter "weight" has value [3] but grad [2]');
  });

  it("names the parameter when a gradient no longer fits at step()", () => {
    const p = parameter("bias", [1, 2, 3], [3]);
    const opt = new RMSprop([p]);
    opt.step();
    p.grad = parameter("g", [1, 2], [2]).value;
    expect(() => opt.step()).toThrow('RMSprop: parameter "bias" has value [3] but grad [2]');
  });

  it("applies no part of a step when a later parameter is bad", () => {
    const first = parameter("weight", [1, 2], [2]);
    const second = parameter("bias", [1, 2, 3], [3]);
    const opt = new SGD([first, second], { lr: 0.1 });
    first.grad.data.fill(1);
    second.grad = parameter("g", [1], [1]).value;
    expect(() => opt.step()).toThrow('SGD: parameter "bias" has value [3] but grad [1]');
    expect(Array.from(first.value.data)).toEqual([1, 2]);
  });

  it("names a parameter whose value was swapped for one of another size", () => {
    const p = parameter("weight", [1, 2], [2]);
    const opt = new Adam([p]);
    opt.step();
    p.value = parameter("w", [1, 2, 3], [3]).value;
    p.grad = parameter("g", [0, 0, 0], [3]).value;
    expect(() => opt.step()).toThrow('Adam: parameter "weight" now has 3 elements but its optimizer state was made for 2');
  });

  it("fills in PyTorch's defaults", () => {
    expect(new Adam(params()).lr).toBe(1e-3);
    expect(new Adam(params()).options).toEqual({ betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(new AdamW(params()).options).toEqual({ betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.01, amsgrad: false });
    expect(new RMSprop(params()).lr).toBe(1e-2);
    expect(new RMSprop(params()).options).toEqual({ alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 });
    expect(new Adagrad(params()).lr).toBe(1e-2);
    expect(new Adagrad(params()).options).toEqual({ lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 });
    expect(new SGD(params(), { lr: 0.1 }).options).toEqual({ momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 });
  });
});

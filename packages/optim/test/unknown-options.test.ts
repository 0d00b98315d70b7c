// A misspelled option key used to be ignored: `momentun: 0.9` trained without momentum.
import { UnknownOptionError } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Adagrad, Adam, AdamW, CosineAnnealingLR, ExponentialLR, LinearWarmup, RMSprop, ReduceLROnPlateau, SGD, StepLR, clipGradNorm } from "../src/index.js";
import { scalar } from "./parameters.js";

const params = () => [scalar("w", 1)];
const sgd = () => new SGD(params(), { lr: 0.1 });

describe("misspelled option keys are refused with a suggestion", () => {
  it.each([
    ["SGD momentun", () => new SGD(params(), { lr: 0.1, momentun: 0.9 } as never), 'SGD: unknown option "momentun" (did you mean "momentum"?)'],
    ["SGD weight_decay", () => new SGD(params(), { lr: 0.1, weight_decay: 1e-4 } as never), 'SGD: unknown option "weight_decay" (did you mean "weightDecay"?)'],
    ["Adam beta", () => new Adam(params(), { beta: [0.9, 0.99] } as never), 'Adam: unknown option "beta" (did you mean "betas"?)'],
    ["AdamW amsGrad", () => new AdamW(params(), { amsGrad: true } as never), 'AdamW: unknown option "amsGrad" (did you mean "amsgrad"?)'],
    ["RMSprop centred", () => new RMSprop(params(), { centred: true } as never), 'RMSprop: unknown option "centred" (did you mean "centered"?)'],
    ["Adagrad lr_decay", () => new Adagrad(params(), { lr_decay: 0.1 } as never), 'Adagrad: unknown option "lr_decay" (did you mean "lrDecay"?)'],
    ["StepLR step_size", () => new StepLR(sgd(), { stepSize: 2, step_size: 3 } as never), 'StepLR: unknown option "step_size" (did you mean "stepSize"?)'],
    ["ExponentialLR gama", () => new ExponentialLR(sgd(), { gamma: 0.5, gama: 0.1 } as never), 'ExponentialLR: unknown option "gama" (did you mean "gamma"?)'],
    ["CosineAnnealingLR etamin", () => new CosineAnnealingLR(sgd(), { tMax: 2, etamin: 0 } as never), 'CosineAnnealingLR: unknown option "etamin" (did you mean "etaMin"?)'],
    ["LinearWarmup step", () => new LinearWarmup(sgd(), { steps: 2, step: 1 } as never), 'LinearWarmup: unknown option "step" (did you mean "steps"?)'],
    ["ReduceLROnPlateau patiance", () => new ReduceLROnPlateau(sgd(), { patiance: 2 } as never), 'ReduceLROnPlateau: unknown option "patiance" (did you mean "patience"?)'],
    ["clipGradNorm errorIfNonFinite", () => clipGradNorm(params(), 1, { errorIfNonFinite: false } as never), 'clipGradNorm: unknown option "errorIfNonFinite" (did you mean "errorIfNonfinite"?)'],
  ])("%s", (_name, make, message) => {
    expect(make).toThrow(message);
    expect(make).toThrow(UnknownOptionError);
  });

  it("refuses options that are not an object (a bare learning rate)", () => {
    expect(() => new Adam(params(), 0.01 as never)).toThrow("Adam: options must be an object ({ lr, betas, eps, weightDecay, amsgrad }), got number 0.01");
  });

  it("the optimizer built from correct keys still trains with them", () => {
    const p = params();
    const opt = new SGD(p, { lr: 0.1, momentum: 0.9 });
    p[0].grad.data[0] = 1;
    opt.step();
    p[0].grad.data[0] = 1;
    opt.step();
    // Hand-worked: step 1 buffer 1, w = 1 − 0.1 = 0.9; step 2 buffer 0.9·1 + 1 = 1.9, w = 0.9 − 0.19 = 0.71.
    expect(p[0].value.data[0]).toBeCloseTo(0.71, 6);
  });
});

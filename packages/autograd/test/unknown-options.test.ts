import { describe, expect, it } from "vitest";
import { UnknownOptionError, tensor } from "@nn/tensor";
import { Variable, gelu, grad, matmul, softmaxCrossEntropy, softplus, sum, valueAndGrad } from "../src/index.js";

// Every options object is checked for unknown keys, with a did-you-mean hint (@nn/tensor's checkOptions).
describe("unknown options are refused by name", () => {
  const x = tensor([[1, 2]], "float64");
  it.each([
    ["Variable", () => new Variable(x, { requiresGrads: true } as never), 'Variable: unknown option "requiresGrads" (did you mean "requiresGrad"?)'],
    ["backward", () => sum(new Variable(x, { requiresGrad: true })).backward(undefined, { retainGrpah: true } as never), 'backward: unknown option "retainGrpah" (did you mean "retainGraph"?)'],
    ["gelu", () => gelu(x, { aproximate: "tanh" } as never), 'gelu: unknown option "aproximate" (did you mean "approximate"?)'],
    ["softplus", () => softplus(x, { betta: 2 } as never), 'softplus: unknown option "betta" (did you mean "beta"?)'],
    ["matmul", () => matmul(x, x, { transposeb: true } as never), 'matmul: unknown option "transposeb" (did you mean "transposeB"?)'],
    ["softmaxCrossEntropy", () => softmaxCrossEntropy(x, tensor([0]), { labelSmoothng: 0.1 } as never), 'softmaxCrossEntropy: unknown option "labelSmoothng" (did you mean "labelSmoothing"?)'],
    ["grad", () => grad((v) => sum(v), { argnum: 0 } as never), 'grad: unknown option "argnum" (did you mean "argnums"?)'],
    ["valueAndGrad", () => valueAndGrad((v) => sum(v), { argnum: 0 } as never), 'valueAndGrad: unknown option "argnum" (did you mean "argnums"?)'],
  ])("%s", (_name, call, message) => {
    expect(call).toThrow(UnknownOptionError);
    expect(call).toThrow(message);
  });
});

import type { Tensor } from "@nn/tensor";
import { Variable } from "./variable.js";

/** The `{ name, value, grad }` shape of a `@nn/layers` or `@nn/optim` parameter. */
export interface ParameterLike {
  readonly name: string;
  value: Tensor;
  grad: Tensor;
}

/**
 * A leaf variable over a layer's parameter: it reads the parameter's value and `backward()` adds
 * into the parameter's own `grad` tensor, so an autograd term (a penalty, a second head, a tied
 * weight) and the layer's hand-written backward accumulate into the same place, and the same
 * optimizer steps both.
 */
export function fromParameter(p: ParameterLike): Variable {
  return new Variable(p.value, { requiresGrad: true, name: p.name, grad: p.grad });
}

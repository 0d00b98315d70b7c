import { checkFunction, type GradcheckOptions, type GradcheckReport } from "@nn/gradcheck";
import { type Tensor, createRng, randn } from "@nn/tensor";
import { Variable, grad, mul, noGrad, sum } from "../src/index.js";

/**
 * Checks an op's vector-Jacobian product against central differences (@nn/gradcheck): the scalar
 * checked is Σ op(inputs) ⊙ r for a fixed random r, so every output element carries its own
 * weight (a seed of all ones would hide a VJP that mixes up elements).
 */
export function checkOp(op: (...xs: Variable[]) => Variable, inputs: readonly Tensor[], opts?: GradcheckOptions): GradcheckReport {
  const constants = (ts: readonly Tensor[]): Variable[] => ts.map((t) => new Variable(t));
  const shape = noGrad(() => op(...constants(inputs))).shape;
  const r = randn(shape, createRng(99), { dtype: "float64" });
  const objective = (...xs: Variable[]): Variable => sum(mul(op(...xs), r));
  const gradient = grad(objective, { argnums: inputs.map((_, i) => i) });
  const value = (...ts: Tensor[]): number => noGrad(() => objective(...constants(ts))).item();
  return checkFunction(value, (...ts) => gradient(...ts), inputs, opts);
}

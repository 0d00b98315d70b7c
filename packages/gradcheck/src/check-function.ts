import { type Tensor, createRng } from "@nn/tensor";
import { assertTensor, requireFloat64Output, requireShape } from "./argument-checks.js";
import { checkTargets, type Target } from "./check-targets.js";
import { float64Copy } from "./float64-copy.js";
import { ScalarObjective } from "./objective.js";
import { resolveOptions } from "./options.js";
import { assembleReport } from "./report.js";
import { castNotes, requireDeterministic } from "./setup-guards.js";
import type { GradcheckOptions, GradcheckReport } from "./types.js";

/**
 * Checks the gradient of any scalar function of tensors: `f(...inputs)` gives the value, and
 * `gradient(...inputs)` the analytic ∂f/∂inputᵢ for each input, in order (as an automatic
 * differentiation library would compute them). Both receive float64 copies of `inputs`; `f` is
 * then evaluated at perturbed copies. Entries are named `inputs[i]`. `mode` and `checkInput` do
 * not apply. docs/math_derivations.md §10
 */
export function checkFunction(
  f: (...inputs: Tensor[]) => number,
  gradient: (...inputs: Tensor[]) => readonly Tensor[],
  inputs: readonly Tensor[],
  opts?: GradcheckOptions,
): GradcheckReport {
  const op = "checkFunction";
  const o = resolveOptions(op, opts);
  if (typeof f !== "function" || typeof gradient !== "function") {
    throw new TypeError(`${op}: expected f(...inputs) => number and gradient(...inputs) => Tensor[], got ${typeof f} and ${typeof gradient}`);
  }
  const given: unknown = inputs;
  if (!Array.isArray(given) || given.length === 0) throw new TypeError(`${op}: inputs must be a non-empty array of Tensors`);
  inputs.forEach((x, i) => assertTensor(op, `inputs[${i}]`, x));
  const copies = inputs.map(float64Copy);
  const returned: unknown = gradient(...copies);
  if (!Array.isArray(returned) || returned.length !== inputs.length) {
    throw new TypeError(`${op}: gradient must return one Tensor per input (${inputs.length}), got ${Array.isArray(returned) ? returned.length : typeof returned}`);
  }
  const grads = returned as readonly Tensor[];
  const targets: Target[] = copies.map((x, i) => {
    const name = `inputs[${i}]`;
    requireFloat64Output(op, "gradient", `∂f/∂${name}`, grads[i]);
    requireShape(op, "gradient", `∂f/∂${name}`, grads[i].shape, x.shape);
    return { name, shape: x.shape, values: x.data as Float64Array, analytic: Float64Array.from(grads[i].data) };
  });
  const objective = new ScalarObjective(() => {
    const value: unknown = f(...copies);
    if (typeof value !== "number") throw new TypeError(`${op}: f must return a number, got ${typeof value}`);
    return value;
  });
  requireDeterministic(op, "f", o.mode, objective);
  const entries = checkTargets(targets, objective, o, createRng(o.seed));
  const castFrom = inputs.some((x) => x.dtype === "float32") ? "float32" : null;
  return assembleReport(entries, o, castFrom, castNotes(null, "function", inputs.map((x, i) => [`inputs[${i}]`, x])));
}

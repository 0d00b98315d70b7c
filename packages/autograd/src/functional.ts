import { type Tensor, ShapeError, checkOptions, formatShape, full, optionKeys } from "@nn/tensor";
import { Variable } from "./variable.js";

export interface GradOptions {
  /** Which arguments to differentiate with respect to: one index (default 0) or several. */
  argnums?: number | readonly number[];
}

type Argument = Tensor | number;

const GRAD_OPTIONS = optionKeys<GradOptions>()("argnums");

function prepare(op: string, f: unknown, options: GradOptions): number[] {
  if (typeof f !== "function") throw new TypeError(`${op}: f must be a function of variables, got ${typeof f}`);
  checkOptions(op, options, GRAD_OPTIONS);
  const argnums = options.argnums ?? 0;
  const list = typeof argnums === "number" ? [argnums] : [...argnums];
  for (const i of list) {
    if (!Number.isInteger(i) || i < 0) throw new RangeError(`${op}: argnums must be non-negative integers, got ${String(i)}`);
  }
  return list;
}

/** Evaluates f on fresh leaves, runs backward from its scalar result, and collects the wanted gradients. */
function evaluate(op: string, f: (...xs: Variable[]) => Variable, argnums: readonly number[], args: readonly Argument[]): { value: number; grads: Tensor[] } {
  for (const i of argnums) {
    if (i >= args.length) throw new RangeError(`${op}: argnums asks for argument ${i}, but f was called with ${args.length} argument(s)`);
  }
  const leaves = args.map((a, i) => {
    const value = typeof a === "number" ? full([], a, "float64") : a;
    return new Variable(value, { requiresGrad: argnums.includes(i), name: `arg${i}` });
  });
  const out: unknown = f(...leaves);
  if (!(out instanceof Variable)) throw new TypeError(`${op}: f must return a Variable (build it from its arguments with this package's ops), got ${typeof out}`);
  if (out.size !== 1) throw new ShapeError(`${op}: f must return a scalar, got shape ${formatShape(out.shape)}; reduce it with sum or mean`);
  // A result that does not depend on the arguments has gradient zero, not an error.
  if (out.requiresGrad) out.backward();
  return { value: out.value.data[0], grads: argnums.map((i) => leaves[i].grad) };
}

/**
 * The gradient of a scalar-valued function, as a function (JAX's `grad`, TensorFlow's `tf.grad`):
 * `grad(f)(x)` is ∂f/∂x at x, a tensor of x's shape. f receives its arguments as variables and
 * builds its result with this package's ops. With `argnums` an array, the result is the list of
 * gradients for those arguments. Variables f reads from outside (parameters it closes over)
 * accumulate their gradients too, as with `backward()`.
 */
export function grad(f: (...xs: Variable[]) => Variable, options?: { argnums?: number }): (...args: Argument[]) => Tensor;
export function grad(f: (...xs: Variable[]) => Variable, options: { argnums: readonly number[] }): (...args: Argument[]) => Tensor[];
export function grad(f: (...xs: Variable[]) => Variable, options: GradOptions = {}): (...args: Argument[]) => Tensor | Tensor[] {
  const argnums = prepare("grad", f, options);
  const many = Array.isArray(options.argnums);
  return (...args) => {
    const { grads } = evaluate("grad", f, argnums, args);
    return many ? grads : grads[0];
  };
}

/** Like `grad`, but returns f's value as well: `{ value, grad }` (`grad` a list when `argnums` is an array). */
export function valueAndGrad(f: (...xs: Variable[]) => Variable, options?: { argnums?: number }): (...args: Argument[]) => { value: number; grad: Tensor };
export function valueAndGrad(f: (...xs: Variable[]) => Variable, options: { argnums: readonly number[] }): (...args: Argument[]) => { value: number; grad: Tensor[] };
export function valueAndGrad(f: (...xs: Variable[]) => Variable, options: GradOptions = {}): (...args: Argument[]) => { value: number; grad: Tensor | Tensor[] } {
  const argnums = prepare("valueAndGrad", f, options);
  const many = Array.isArray(options.argnums);
  return (...args) => {
    const { value, grads } = evaluate("valueAndGrad", f, argnums, args);
    return { value, grad: many ? grads : grads[0] };
  };
}

import * as T from "@nn/tensor";
import type { Tensor } from "@nn/tensor";
import { elementary } from "@nn/tensor";
import { gradTensor, gradZeros, releaseIfUnheld } from "../gradient-buffers.js";
import { type Input, dtypeOfInput, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

/**
 * A gradient of the broadcast result, summed back to an operand's own shape (docs/math_derivations.md
 * §AD.3). A bias row ([rows, cols] → [cols]) is summed by the layers' kernel, straight into the
 * leaf's grad when the engine offers it (then undefined is returned: already added).
 */
function unbroadcast(g: Tensor, shape: readonly number[], into: Tensor | undefined): Tensor | undefined {
  if (T.sameShape(g.shape, shape)) return g;
  if (g.rank === 2 && shape.length === 1 && shape[0] === g.shape[1]) {
    const target = into ?? gradZeros(shape, g.dtype);
    if (g.size > 0) T.kernels().addColumnSums(g.data, target.data, g.shape[0], g.shape[1]);
    return into === undefined ? target : undefined;
  }
  return T.sumToShape(g, shape);
}

/** `unbroadcast` of a scratch gradient the VJP made: the scratch goes back when it is not the result. */
function unbroadcastScratch(scratch: Tensor, shape: readonly number[], into: Tensor | undefined): Tensor | undefined {
  const r = unbroadcast(scratch, shape, into);
  if (r !== scratch) releaseIfUnheld(scratch);
  return r;
}

/** The operands as variables (a number takes the other's dtype), as the op's input list. */
function operands(op: string, a: Input, b: Input): [Variable, Variable] {
  return [toVariable(op, "a", a, dtypeOfInput(b)), toVariable(op, "b", b, dtypeOfInput(a))];
}

/** The value tensor of a broadcasting binary op on its two inputs. */
function binaryValue(op: string, inputs: [Variable, Variable]): Tensor {
  const [x, y] = inputs;
  return valueTensor(inputs, T.broadcastShapes(x.shape, y.shape, op), T.promoteTypes(x.dtype, y.dtype));
}

/** a + b with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function add(a: Input, b: Input): Variable {
  const inputs = operands("add", a, b), [x, y] = inputs;
  const out = T.add(x.valueForOps, y.valueForOps, binaryValue("add", inputs));
  return record("add", out, inputs, (g, needs, into = []) => [
    needs[0] ? unbroadcast(g, x.shape, into[0]) : undefined,
    needs[1] ? unbroadcast(g, y.shape, into[1]) : undefined,
  ], true);
}

/** a − b with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function sub(a: Input, b: Input): Variable {
  const inputs = operands("sub", a, b), [x, y] = inputs;
  const out = T.sub(x.valueForOps, y.valueForOps, binaryValue("sub", inputs));
  return record("sub", out, inputs, (g, needs, into = []) => [
    needs[0] ? unbroadcast(g, x.shape, into[0]) : undefined,
    needs[1] ? unbroadcastScratch(T.neg(g, gradTensor(g.shape, g.dtype)), y.shape, into[1]) : undefined,
  ], true);
}

/** a · b element-wise, with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function mul(a: Input, b: Input): Variable {
  const inputs = operands("mul", a, b), [x, y] = inputs;
  const out = T.mul(x.valueForOps, y.valueForOps, binaryValue("mul", inputs));
  return record("mul", out, inputs, (g, needs, into = []) => [
    needs[0] ? unbroadcastScratch(T.mul(g, y.valueForOps, gradTensor(g.shape, g.dtype)), x.shape, into[0]) : undefined,
    needs[1] ? unbroadcastScratch(T.mul(g, x.valueForOps, gradTensor(g.shape, g.dtype)), y.shape, into[1]) : undefined,
  ], true);
}

/** a / b element-wise, with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function div(a: Input, b: Input): Variable {
  const inputs = operands("div", a, b), [x, y] = inputs;
  const q = T.div(x.valueForOps, y.valueForOps, binaryValue("div", inputs));
  return record("div", q, inputs, (g, needs, into = []) => {
    let dy: Tensor | undefined;
    if (needs[1]) {
      // ∂(a/b)/∂b = −a/b² = −q/b
      const s = T.mul(g, q, gradTensor(g.shape, g.dtype));
      T.div(s, y.valueForOps, s);
      dy = unbroadcastScratch(T.neg(s, s), y.shape, into[1]);
    }
    return [needs[0] ? unbroadcastScratch(T.div(g, y.valueForOps, gradTensor(g.shape, g.dtype)), x.shape, into[0]) : undefined, dy];
  }, true);
}

/** −a. docs/math_derivations.md §AD.4 */
export function neg(a: Input): Variable {
  const x = toVariable("neg", "a", a);
  const out = T.neg(x.valueForOps, valueTensor([x], x.shape, x.dtype));
  return record("neg", out, [x], (g) => [T.neg(g, gradTensor(g.shape, g.dtype))], true);
}

/**
 * aᵖ element-wise for a constant exponent p (Math.pow's IEEE semantics: a negative base with a
 * fractional p is NaN). docs/math_derivations.md §AD.4: ∂aᵖ/∂a = p·aᵖ⁻¹
 */
export function pow(a: Input, p: number): Variable {
  if (typeof p !== "number" || Number.isNaN(p)) throw new TypeError(`pow: the exponent must be a number, got ${String(p)}`);
  const x = toVariable("pow", "a", a);
  const xv = x.valueForOps;
  const y = valueTensor([x], x.shape, x.dtype);
  powInto(xv.data, p, y.data);
  return record("pow", y, [x], (g) => {
    const dx = gradTensor(g.shape, g.dtype);
    powGradient(g.data, xv.data, p, dx.data);
    return [dx];
  }, true);
}

// Loops live in module-level functions, not in the per-call closures (see activations.ts).
function powInto(x: T.TypedArray, p: number, out: T.TypedArray): void {
  for (let i = 0; i < out.length; i++) out[i] = elementary.pow(x[i], p);
}

function powGradient(g: T.TypedArray, x: T.TypedArray, p: number, dx: T.TypedArray): void {
  for (let i = 0; i < dx.length; i++) dx[i] = p === 0 ? 0 : g[i] * p * elementary.pow(x[i], p - 1);
}

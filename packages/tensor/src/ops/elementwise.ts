import { type DType, type TypedArray, promoteTypes } from "../dtype.js";
import { kernels } from "../kernels/backend.js";
import type { BinaryOp } from "../kernels/kernels.js";
import { broadcastShapes, sameShape } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { broadcastLayout } from "./broadcast-layout.js";
import { checkAliasing, checkTensor, resultTensor } from "./out.js";

/** A tensor, or a plain number that acts as a rank-0 tensor of the other operand's dtype (as NumPy's scalars). */
export type Operand = Tensor | number;

const scalar32 = new Float32Array(1);
const scalar64 = new Float64Array(1);

function operandData(x: Operand, dtype: DType): TypedArray {
  if (typeof x === "number") {
    const box = dtype === "float64" ? scalar64 : scalar32;
    box[0] = x;
    return box;
  }
  // Mixed dtypes compute in float64 (see promoteTypes): the float32 operand is widened exactly.
  return x.dtype === dtype ? x.data : x.astype(dtype).data;
}

function checkOperand(op: string, name: string, x: unknown): Operand {
  return typeof x === "number" ? x : checkTensor(op, name, x);
}

/** Two tensors promote (float32 with float64 gives float64); a number takes the tensor's dtype. */
function resultDType(a: Operand, b: Operand): DType {
  if (typeof a === "number") return (b as Tensor).dtype;
  if (typeof b === "number") return a.dtype;
  return promoteTypes(a.dtype, b.dtype);
}

function binary(op: BinaryOp, aIn: Operand, bIn: Operand, out: Tensor | undefined): Tensor {
  const a = checkOperand(op, "a", aIn), b = checkOperand(op, "b", bIn);
  if (typeof a === "number" && typeof b === "number") {
    throw new TypeError(`${op}: at least one operand must be a Tensor, got two numbers`);
  }
  const aShape = typeof a === "number" ? [] : a.shape;
  const bShape = typeof b === "number" ? [] : b.shape;
  const shape = broadcastShapes(aShape, bShape, op);
  const dtype = resultDType(a, b);
  const result = resultTensor(op, shape, dtype, out);
  if (out !== undefined) {
    for (const x of [a, b]) {
      if (typeof x === "number") continue;
      const broadcast = !sameShape(x.shape, shape);
      checkAliasing(op, out, x, !broadcast, broadcast ? " that is broadcast" : " other than being that input");
    }
  }
  if (result.size === 0) return result;
  if (op === "add" && typeof a !== "number" && typeof b !== "number" && isRowBroadcast(a, b)) {
    // A row added to every row of a matrix (a bias): the layers' kernel does it in one pass,
    // several times faster than the general broadcast loop, with the same single rounding.
    if (result.data !== a.data) result.data.set(a.data);
    kernels().addToRows(result.data, b.data, a.shape[0], a.shape[1]);
    return result;
  }
  const layout = broadcastLayout(shape, aShape, bShape);
  kernels().binary(op, operandData(a, dtype), layout.aStrides, operandData(b, dtype), layout.bStrides, result.data, layout.shape);
  return result;
}

/** [rows, cols] + [cols] in one dtype. */
function isRowBroadcast(a: Tensor, b: Tensor): boolean {
  return a.dtype === b.dtype && a.rank === 2 && b.rank === 1 && a.shape[1] === b.shape[0];
}

/** a + b with NumPy broadcasting. `out` may be `a` or `b` when that operand is not broadcast. */
export function add(a: Operand, b: Operand, out?: Tensor): Tensor {
  return binary("add", a, b, out);
}

/** a − b with NumPy broadcasting. */
export function sub(a: Operand, b: Operand, out?: Tensor): Tensor {
  return binary("sub", a, b, out);
}

/** a · b element-wise, with NumPy broadcasting. */
export function mul(a: Operand, b: Operand, out?: Tensor): Tensor {
  return binary("mul", a, b, out);
}

/** a / b element-wise, with NumPy broadcasting (IEEE: x/0 is ±Infinity, 0/0 is NaN). */
export function div(a: Operand, b: Operand, out?: Tensor): Tensor {
  return binary("div", a, b, out);
}

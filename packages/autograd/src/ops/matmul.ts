import * as T from "@nn/tensor";
import { ShapeError, checkOptions, formatShape, optionKeys } from "@nn/tensor";
import { productGradient } from "./matmul-into.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

export interface MatmulOptions {
  /** Use Aᵀ (A stored [k, m]) without materialising it. */
  transposeA?: boolean;
  /** Use Bᵀ (B stored [n, k]) without materialising it. */
  transposeB?: boolean;
}

const MATMUL_OPTIONS = optionKeys<MatmulOptions>()("transposeA", "transposeB");

/** [rows, cols] of op(a)·op(b), or the error @nn/tensor's matmul gives. */
function productShape(a: T.Tensor, b: T.Tensor, tA: boolean, tB: boolean): number[] {
  if (a.rank !== 2 || b.rank !== 2) throw new ShapeError(`matmul: both operands must be 2-D, got ${formatShape(a.shape)} · ${formatShape(b.shape)}`);
  return [tA ? a.shape[1] : a.shape[0], tB ? b.shape[0] : b.shape[1]];
}

/**
 * op(A)·op(B) for 2-D operands. docs/math_derivations.md §AD.7: with Y = op(A)·op(B),
 * ∂L/∂op(A) = G·op(B)ᵀ and ∂L/∂op(B) = op(A)ᵀ·G, transposed back when an operand was used
 * transposed; every product reads its operands in place through the matmul flags.
 */
export function matmul(a: Input, b: Input, options: MatmulOptions = {}): Variable {
  checkOptions("matmul", options, MATMUL_OPTIONS);
  const x = toVariable("matmul", "a", a), w = toVariable("matmul", "b", b), inputs = [x, w];
  const tA = options.transposeA === true, tB = options.transposeB === true;
  const A = x.valueForOps, B = w.valueForOps;
  const out = valueTensor(inputs, productShape(A, B, tA, tB), T.promoteTypes(A.dtype, B.dtype));
  const y = T.matmul(A, B, { transposeA: tA, transposeB: tB, out });
  return record("matmul", y, inputs, (g, needs, into = []) => [
    // A:  G·op(B)ᵀ;   Aᵀ stored: (G·op(B)ᵀ)ᵀ = op(B)·Gᵀ
    needs[0] ? (tA ? productGradient(B, g, into[0], A.shape, tB, true) : productGradient(g, B, into[0], A.shape, false, !tB)) : undefined,
    // B:  op(A)ᵀ·G;   Bᵀ stored: (op(A)ᵀ·G)ᵀ = Gᵀ·op(A)
    needs[1] ? (tB ? productGradient(g, A, into[1], B.shape, true, tA) : productGradient(A, g, into[1], B.shape, !tA, false)) : undefined,
  ], true);
}

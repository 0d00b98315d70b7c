import * as T from "@nn/tensor";
import { checkOptions, optionKeys } from "@nn/tensor";
import { type Input, record, toVariable } from "../record.js";
import type { Variable } from "../variable.js";

export interface MatmulOptions {
  /** Use Aᵀ (A stored [k, m]) without materialising it. */
  transposeA?: boolean;
  /** Use Bᵀ (B stored [n, k]) without materialising it. */
  transposeB?: boolean;
}

const MATMUL_OPTIONS = optionKeys<MatmulOptions>()("transposeA", "transposeB");

/**
 * op(A)·op(B) for 2-D operands. docs/math_derivations.md §AD.7: with Y = op(A)·op(B),
 * ∂L/∂op(A) = G·op(B)ᵀ and ∂L/∂op(B) = op(A)ᵀ·G, transposed back when an operand was used
 * transposed; every product reads its operands in place through the matmul flags.
 */
export function matmul(a: Input, b: Input, options: MatmulOptions = {}): Variable {
  checkOptions("matmul", options, MATMUL_OPTIONS);
  const x = toVariable("matmul", "a", a), w = toVariable("matmul", "b", b);
  const tA = options.transposeA === true, tB = options.transposeB === true;
  const y = T.matmul(x.value, w.value, { transposeA: tA, transposeB: tB });
  return record("matmul", y, [x, w], (g, needs) => {
    const A = x.value, B = w.value;
    let dA: T.Tensor | undefined, dB: T.Tensor | undefined;
    if (needs[0]) {
      // A:  G·op(B)ᵀ;   Aᵀ stored: (G·op(B)ᵀ)ᵀ = op(B)·Gᵀ
      dA = tA ? T.matmul(B, g, { transposeA: tB, transposeB: true }) : T.matmul(g, B, { transposeB: !tB });
    }
    if (needs[1]) {
      // B:  op(A)ᵀ·G;   Bᵀ stored: (op(A)ᵀ·G)ᵀ = Gᵀ·op(A)
      dB = tB ? T.matmul(g, A, { transposeA: true, transposeB: tA }) : T.matmul(A, g, { transposeA: !tA });
    }
    return [dA, dB];
  });
}

import { createRng } from "@nn/tensor";

/** One W3 product: out[m×n] = op(A)·op(B), with the operands' stored layouts. */
export interface MatmulCase {
  readonly name: string;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
  /** A stored [m, k] ([k, m] when transA), B stored [k, n] ([n, k] when transB). */
  readonly a: Float32Array;
  readonly b: Float32Array;
}

function uniform(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

export function matmulCase(name: string, m: number, n: number, k: number, transA: boolean, transB: boolean): MatmulCase {
  return { name, m, n, k, transA, transB, a: uniform(m * k, m * 31 + k), b: uniform(k * n, n * 17 + k + 1) };
}

/** W3: square products, then the three products of W2's first layer (784→256, batch 128). */
export function w3Cases(quick: boolean): MatmulCase[] {
  const squares = quick ? [64, 256, 512] : [64, 128, 256, 512, 1024];
  return [
    ...squares.map((s) => matmulCase(`${s}³`, s, s, s, false, false)),
    matmulCase("X·W 128×784·784×256", 128, 256, 784, false, false),
    matmulCase("Xᵀ·dY 784×128·128×256", 784, 256, 128, true, false),
    matmulCase("dY·Wᵀ 128×256·256×784", 128, 784, 256, false, true),
  ];
}

export function flopsOf(c: MatmulCase): number {
  return 2 * c.m * c.n * c.k;
}

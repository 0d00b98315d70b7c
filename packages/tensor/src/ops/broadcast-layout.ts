import type { Shape } from "../shape.js";

/** How a binary kernel walks two operands over their broadcast result (see Kernels.binary). */
export interface BinaryLayout {
  shape: number[];
  aStrides: number[];
  bStrides: number[];
}

/** Each operand's element stride along every result axis, 0 where it is broadcast. */
function broadcastStrides(operand: Shape, rank: number): number[] {
  const strides = new Array<number>(rank).fill(0);
  let step = 1;
  for (let d = operand.length - 1; d >= 0; d--) {
    const dim = operand[d];
    strides[d + rank - operand.length] = dim === 1 ? 0 : step;
    step *= dim;
  }
  return strides;
}

/**
 * Strides for both operands over `result` (their broadcast shape), with axes of size 1 dropped
 * and neighbouring axes merged wherever both operands step through them as one: same-shape
 * operands become a single flat loop, a bias row over a matrix becomes two axes.
 */
export function broadcastLayout(result: Shape, a: Shape, b: Shape): BinaryLayout {
  const rank = result.length;
  const as = broadcastStrides(a, rank), bs = broadcastStrides(b, rank);
  const shape: number[] = [], aStrides: number[] = [], bStrides: number[] = [];
  for (let d = 0; d < rank; d++) {
    const dim = result[d];
    if (dim === 1) continue;
    const last = shape.length - 1;
    if (last >= 0 && aStrides[last] === as[d] * dim && bStrides[last] === bs[d] * dim) {
      shape[last] *= dim;
      aStrides[last] = as[d];
      bStrides[last] = bs[d];
    } else {
      shape.push(dim);
      aStrides.push(as[d]);
      bStrides.push(bs[d]);
    }
  }
  if (shape.length === 0) return { shape: [1], aStrides: [0], bStrides: [0] };
  return { shape, aStrides, bStrides };
}

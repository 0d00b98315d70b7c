import type { DType, Shape, Tensor, TypedArray } from "@nn/tensor";
import { giveTensor, takeTensor } from "./buffer-pool.js";

/**
 * The gradients a backward pass passes from one VJP to the next live in pooled buffers and go
 * back to the pool as soon as the last variable waiting on them has consumed them, so the buffers
 * of one layer's gradients serve the next layer down. A VJP may return the same tensor for
 * several inputs (add hands its g to both operands) or a reshape of it (same array), so buffers
 * are counted: one hold per pending gradient that uses it, keyed by the array.
 */
interface Owned {
  /** The tensor as the pool handed it out (a VJP may pass on a reshaped view of it). */
  readonly tensor: Tensor;
  holds: number;
}

let owned: Map<TypedArray, Owned> | null = null;

/** Starts counting for one backward pass; returns what to hand to `endPass` (passes may nest). */
export function beginPass(): Map<TypedArray, Owned> | null {
  const previous = owned;
  owned = new Map();
  return previous;
}

export function endPass(previous: Map<TypedArray, Owned> | null): void {
  owned = previous;
}

/**
 * A gradient tensor for a VJP to fill (every element written): from the pool, and returned to
 * it once the backward pass no longer needs it. Outside a pass, a plain new tensor.
 */
export function gradTensor(shape: Shape, dtype: DType): Tensor {
  const t = takeTensor(shape, dtype);
  owned?.set(t.data, { tensor: t, holds: 0 });
  return t;
}

/** Like `gradTensor`, zero-filled (for kernels that add into their output). */
export function gradZeros(shape: Shape, dtype: DType): Tensor {
  const t = gradTensor(shape, dtype);
  t.data.fill(0);
  return t;
}

/** Whether `t` is a pass's own buffer held by exactly one pending gradient (so it may be added into). */
export function heldOnce(t: Tensor): boolean {
  return owned?.get(t.data)?.holds === 1;
}

/** One more pending gradient uses `t`. */
export function hold(t: Tensor): void {
  const entry = owned?.get(t.data);
  if (entry !== undefined) entry.holds++;
}

/** One pending gradient fewer uses `t`; with none left its buffer returns to the pool. */
export function release(t: Tensor): void {
  const entry = owned?.get(t.data);
  if (entry === undefined) return;
  entry.holds--;
  if (entry.holds <= 0) recycle(t.data, entry);
}

/** Returns `t`'s buffer to the pool if the pass made it and no pending gradient holds it. */
export function releaseIfUnheld(t: Tensor): void {
  const entry = owned?.get(t.data);
  if (entry !== undefined && entry.holds <= 0) recycle(t.data, entry);
}

function recycle(buffer: TypedArray, entry: Owned): void {
  (owned as Map<TypedArray, Owned>).delete(buffer);
  giveTensor(entry.tensor);
}

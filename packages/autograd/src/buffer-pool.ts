import { type DType, type Shape, Tensor } from "@nn/tensor";

/**
 * Free tensors by dtype and length, for the values and gradients of recorded graphs: a training
 * loop builds a graph of the same shapes every step, so once one graph has been freed
 * (docs/design_notes.md, "Autograd") the next takes every tensor it needs from here and allocates
 * nothing. Only tensors nobody else can reach are given back: the gradients passed between VJPs
 * inside one backward pass, and the values of a freed graph that were never handed out
 * (variable.ts says when that is). The Tensor objects are kept too, not only their arrays:
 * making a Tensor (checks, a frozen copy of the shape) costs more than the small ops it serves.
 */
const free: Record<DType, Map<number, Tensor[]>> = { float32: new Map(), float64: new Map() };

/**
 * Bytes the free lists may hold. A program whose shapes keep changing (a growing sequence length)
 * would otherwise keep every size it ever freed; past the cap the lists are emptied and refill
 * with the sizes in use.
 */
const MAX_POOLED_BYTES = 64 * 2 ** 20;
let pooledBytes = 0;

function sameShape(a: readonly number[], b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A tensor of `shape`, from the free list when one of that size is there: its contents are stale, so every element must be written before it is read. */
export function takeTensor(shape: Shape, dtype: DType): Tensor {
  let length = 1;
  for (const d of shape) length *= d;
  const list = free[dtype].get(length);
  if (list === undefined || list.length === 0) return new Tensor(dtype === "float64" ? new Float64Array(length) : new Float32Array(length), shape);
  // Prefer a tensor of this very shape among the last few ([32] and [32, 1] share a length).
  let at = list.length - 1;
  for (let i = at; i >= 0 && i >= list.length - 4; i--) {
    if (sameShape(list[i].shape, shape)) {
      at = i;
      break;
    }
  }
  const reused = list[at];
  list[at] = list[list.length - 1];
  list.pop();
  pooledBytes -= reused.data.byteLength;
  return sameShape(reused.shape, shape) ? reused : new Tensor(reused.data, shape);
}

/**
 * Gives `t` (object and memory) back for reuse. The caller guarantees that nobody can still read
 * it: no variable, gradient or saved value anyone may use refers to its memory.
 */
export function giveTensor(t: Tensor): void {
  const bytes = t.data.byteLength;
  if (bytes === 0) return;
  if (pooledBytes + bytes > MAX_POOLED_BYTES) {
    free.float32.clear();
    free.float64.clear();
    pooledBytes = 0;
    if (bytes > MAX_POOLED_BYTES) return;
  }
  const lists = free[t.dtype];
  let list = lists.get(t.size);
  if (list === undefined) {
    list = [];
    lists.set(t.size, list);
  }
  list.push(t);
  pooledBytes += bytes;
}

import { type DType, Tensor, type TypedArray, allocate, sameShape, workingArray } from "@nn/tensor";

/**
 * `buf` when it is already [rows, cols] of `dtype`, else a new zero tensor: allocation only when
 * the batch size changes. `working`: a buffer the layer keeps and never hands out, which a float32
 * layer places in the kernels' memory where it can (`workingArray`: no copy into or out of
 * WebAssembly for it; its contents start unspecified, so the layer must write all of it).
 */
export function reuseMatrix(buf: Tensor | undefined, rows: number, cols: number, dtype: DType, working = false): Tensor {
  if (buf !== undefined && buf.dtype === dtype && buf.rank === 2 && buf.shape[0] === rows && buf.shape[1] === cols) return buf;
  const spare = working ? swapToSpare(buf, dtype, (t) => t.rank === 2 && t.shape[0] === rows && t.shape[1] === cols) : undefined;
  return spare ?? keepAsSpare(buf, new Tensor(fresh(dtype, rows * cols, buf, working), [rows, cols]), working);
}

/** `buf` when it already has `like`'s shape and `dtype`, else a new zero tensor of that shape (`working` as in reuseMatrix). */
export function reuseLike(buf: Tensor | undefined, like: Tensor, dtype: DType, working = false): Tensor {
  if (buf !== undefined && buf.dtype === dtype && sameShape(buf.shape, like.shape)) return buf;
  const spare = working ? swapToSpare(buf, dtype, (t) => sameShape(t.shape, like.shape)) : undefined;
  return spare ?? keepAsSpare(buf, new Tensor(fresh(dtype, like.size, buf, working), like.shape), working);
}

/**
 * A working buffer's previous one, kept beside it: fit alternates each epoch between the training
 * batch and the held-out rows, and without a spare every switch made a new buffer (in a long live
 * run, thousands a second of garbage that filled the old generation). One spare per buffer, never
 * a chain: a buffer keeps only the one it replaced.
 */
const spares = new WeakMap<Tensor, Tensor>();

function swapToSpare(buf: Tensor | undefined, dtype: DType, fits: (t: Tensor) => boolean): Tensor | undefined {
  const spare = buf === undefined ? undefined : spares.get(buf);
  if (buf === undefined || spare === undefined || spare.dtype !== dtype || !fits(spare)) return undefined;
  spares.delete(buf);
  spares.set(spare, buf);
  return spare;
}

function keepAsSpare(previous: Tensor | undefined, made: Tensor, working: boolean): Tensor {
  if (working && previous !== undefined) {
    spares.delete(previous);
    spares.set(made, previous);
  }
  return made;
}

function fresh(dtype: DType, size: number, previous: Tensor | undefined, working: boolean): TypedArray {
  return working && dtype === "float32" ? workingArray(size, previous?.data) : allocate(dtype, size);
}

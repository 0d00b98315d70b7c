import { type DType, Tensor, type TypedArray, allocate, sameShape, workingArray } from "@nn/tensor";

/**
 * `buf` when it is already [rows, cols] of `dtype`, else a new zero tensor: allocation only when
 * the batch size changes. `working`: a buffer the layer keeps and never hands out, which a float32
 * layer places in the kernels' memory where it can (`workingArray`: no copy into or out of
 * WebAssembly for it; its contents start unspecified, so the layer must write all of it).
 */
export function reuseMatrix(buf: Tensor | undefined, rows: number, cols: number, dtype: DType, working = false): Tensor {
  if (buf !== undefined && buf.dtype === dtype && buf.rank === 2 && buf.shape[0] === rows && buf.shape[1] === cols) return buf;
  return new Tensor(fresh(dtype, rows * cols, buf, working), [rows, cols]);
}

/** `buf` when it already has `like`'s shape and `dtype`, else a new zero tensor of that shape (`working` as in reuseMatrix). */
export function reuseLike(buf: Tensor | undefined, like: Tensor, dtype: DType, working = false): Tensor {
  if (buf !== undefined && buf.dtype === dtype && sameShape(buf.shape, like.shape)) return buf;
  return new Tensor(fresh(dtype, like.size, buf, working), like.shape);
}

function fresh(dtype: DType, size: number, previous: Tensor | undefined, working: boolean): TypedArray {
  return working && dtype === "float32" ? workingArray(size, previous?.data) : allocate(dtype, size);
}

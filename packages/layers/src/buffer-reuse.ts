import { type DType, Tensor, allocate, sameShape } from "@nn/tensor";

/** `buf` when it is already [rows, cols] of `dtype`, else a new zero tensor: allocation only when the batch size changes. */
export function reuseMatrix(buf: Tensor | undefined, rows: number, cols: number, dtype: DType): Tensor {
  if (buf !== undefined && buf.dtype === dtype && buf.rank === 2 && buf.shape[0] === rows && buf.shape[1] === cols) return buf;
  return new Tensor(allocate(dtype, rows * cols), [rows, cols]);
}

/** `buf` when it already has `like`'s shape and `dtype`, else a new zero tensor of that shape. */
export function reuseLike(buf: Tensor | undefined, like: Tensor, dtype: DType): Tensor {
  if (buf !== undefined && buf.dtype === dtype && sameShape(buf.shape, like.shape)) return buf;
  return new Tensor(allocate(dtype, like.size), like.shape);
}

import { kernels } from "../kernels/backend.js";
import { ShapeError, formatShape } from "../errors.js";
import type { Tensor } from "../tensor.js";
import { checkAliasing, checkTensor, resultTensor } from "./out.js";

/**
 * The transpose of a 2-D tensor, as a new contiguous tensor (Tensors never hold strides). Rank 0
 * and 1 are their own transpose and are copied, as NumPy's `.T`. `out` must not share memory with `a`.
 */
export function transpose(aIn: Tensor, out?: Tensor): Tensor {
  const a = checkTensor("transpose", "a", aIn);
  if (a.rank > 2) throw new ShapeError(`transpose: expected a tensor of rank <= 2, got ${formatShape(a.shape)}`);
  const shape = a.rank === 2 ? [a.shape[1], a.shape[0]] : a.shape;
  const result = resultTensor("transpose", shape, a.dtype, out);
  checkAliasing("transpose", result, a, a.rank < 2, " it transposes");
  if (result.size === 0) return result;
  if (a.rank < 2) {
    if (result.data !== a.data) result.data.set(a.data);
  } else {
    kernels().transpose(a.data, result.data, a.shape[0], a.shape[1]);
  }
  return result;
}

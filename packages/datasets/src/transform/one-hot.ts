import { type DType, Tensor, allocate } from "@nn/tensor";
import { checkDType, checkInteger } from "../option-checks.js";

/** Class indices [n] → one-hot rows [n, k]: row i has a 1 in column labels[i]. */
export function oneHot(labels: Tensor | ArrayLike<number>, k: number, dtype?: DType): Tensor {
  checkInteger("oneHot", "k", k, 1);
  const values = labels instanceof Tensor ? labels.data : labels;
  if (labels instanceof Tensor && labels.rank !== 1) {
    throw new RangeError(`oneHot: labels must have shape [n], got [${labels.shape.join(",")}]`);
  }
  const n = values.length;
  const dt = checkDType("oneHot", dtype ?? (labels instanceof Tensor ? labels.dtype : undefined));
  const out = allocate(dt, n * k);
  for (let i = 0; i < n; i++) {
    const c = values[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw new RangeError(`oneHot: labels[${i}] = ${c} is not a class index in [0, ${k - 1}]`);
    }
    out[i * k + c] = 1;
  }
  return new Tensor(out, [n, k]);
}

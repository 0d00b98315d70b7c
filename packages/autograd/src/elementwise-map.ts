import type { Tensor } from "@nn/tensor";

/**
 * out[i] = f(x[i]) for the functions `@nn/tensor` has no kernel for (tanh, GELU, softplus…): one
 * call per element; the kernels cover the hot cases. `out` has x's size; returns it.
 */
export function mapElements(x: Tensor, f: (v: number) => number, out: Tensor): Tensor {
  const d = x.data, o = out.data;
  for (let i = 0; i < o.length; i++) o[i] = f(d[i]);
  return out;
}

/** out[i] = f(a[i], b[i]) for two tensors of one size; returns `out`. */
export function mapPairs(a: Tensor, b: Tensor, f: (u: number, v: number) => number, out: Tensor): Tensor {
  const ad = a.data, bd = b.data, o = out.data;
  for (let i = 0; i < o.length; i++) o[i] = f(ad[i], bd[i]);
  return out;
}

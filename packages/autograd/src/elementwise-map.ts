import { Tensor } from "@nn/tensor";

/**
 * y[i] = f(x[i]) into a new tensor of x's shape and dtype: for the functions `@nn/tensor` has no
 * kernel for (tanh, GELU, softplus…). One call per element; the kernels cover the hot cases.
 */
export function mapElements(x: Tensor, f: (v: number) => number): Tensor {
  const out = new (x.data.constructor as Float64ArrayConstructor)(x.size);
  const d = x.data;
  for (let i = 0; i < out.length; i++) out[i] = f(d[i]);
  return new Tensor(out, x.shape);
}

/** out[i] = f(a[i], b[i]) for two tensors of one shape, in a's dtype. */
export function mapPairs(a: Tensor, b: Tensor, f: (u: number, v: number) => number): Tensor {
  const out = new (a.data.constructor as Float64ArrayConstructor)(a.size);
  const ad = a.data, bd = b.data;
  for (let i = 0; i < out.length; i++) out[i] = f(ad[i], bd[i]);
  return new Tensor(out, a.shape);
}

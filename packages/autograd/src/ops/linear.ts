import * as T from "@nn/tensor";
import { ShapeError, checkOptions, formatShape, optionKeys } from "@nn/tensor";
import { gradTensor, gradZeros, releaseIfUnheld } from "../gradient-buffers.js";
import { matmulInto, productGradient } from "./matmul-into.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

export interface LinearOptions {
  /**
   * Apply ReLU to the result in the same kernel call (default false): `relu(linear(x, w, b))` as
   * one operation, as TensorFlow.js's `fused.matMul` with `activation: 'relu'` and as the layers
   * run Dense + ReLU. The same numbers, one buffer and one pass fewer.
   */
  relu?: boolean;
}

const LINEAR_OPTIONS = optionKeys<LinearOptions>()("relu");

/**
 * x·W + b for x [m, k], W [k, n] and an optional bias b [n] added to every row: a dense layer's
 * product as one recorded operation (PyTorch records `nn.Linear` as one `addmm` node too), the
 * same numbers as `add(matmul(x, w), b)` with one buffer and one pass fewer; with `{ relu: true }`
 * followed by ReLU in the same operation.
 * docs/math_derivations.md §AD.7: ∂L/∂x = G·Wᵀ, ∂L/∂W = xᵀ·G, ∂L/∂b = Σ over rows of G (§AD.3);
 * with ReLU, G is first masked where the output is 0 (§AD.5).
 */
export function linear(x: Input, w: Input, b?: Input, options: LinearOptions = {}): Variable {
  checkOptions("linear", options, LINEAR_OPTIONS);
  const relu = options.relu === true;
  const xs = toVariable("linear", "x", x), ws = toVariable("linear", "w", w);
  const X = xs.valueForOps, W = ws.valueForOps;
  if (X.rank !== 2 || W.rank !== 2) throw new ShapeError(`linear: x and w must be 2-D, got ${formatShape(X.shape)} · ${formatShape(W.shape)}`);
  if (X.shape[1] !== W.shape[0]) throw new ShapeError(`linear: x [m, k] and w [k, n] must share k, got ${formatShape(X.shape)} · ${formatShape(W.shape)}`);
  const m = X.shape[0], n = W.shape[1];
  const bs = b === undefined ? undefined : toVariable("linear", "b", b, W.dtype);
  if (bs !== undefined && (bs.shape.length !== 1 || bs.shape[0] !== n)) {
    throw new ShapeError(`linear: b must be [${n}] (one value per output column of w ${formatShape(W.shape)}), got ${formatShape(bs.shape)}`);
  }
  const inputs = bs === undefined ? [xs, ws] : [xs, ws, bs];
  const B = bs?.valueForOps;
  const dtype = T.promoteTypes(T.promoteTypes(X.dtype, W.dtype), B?.dtype ?? W.dtype);
  // Bias and ReLU are the product's epilogue: one kernel call, the bits of matmul, add and relu.
  const out = matmulInto(X, W, valueTensor(inputs, [m, n], dtype), false, false, false, B, relu);
  return record("linear", out, inputs, (g, needs, into = []) => {
    if (!relu) return linearGradients(g, needs, into, X, W);
    // ReLU's VJP (§AD.5) from the output: y > 0 exactly where x·W + b > 0 (a NaN stays NaN, > 0 is false).
    const masked = gradTensor(g.shape, g.dtype);
    if (g.size > 0) T.kernels().wherePositive(out.dtype === g.dtype ? out.data : out.astype(g.dtype).data, g.data, masked.data);
    const grads = linearGradients(masked, needs, into, X, W);
    releaseIfUnheld(masked);
    return grads;
  }, true);
}

function linearGradients(g: T.Tensor, needs: readonly boolean[], into: ReadonlyArray<T.Tensor | undefined>, X: T.Tensor, W: T.Tensor): Array<T.Tensor | undefined> {
  // Each product is added straight into a leaf's grad when offered (BLAS's β = 1), as Dense does.
  const dX = needs[0] ? productGradient(g, W, into[0], X.shape, false, true) : undefined;
  const dW = needs[1] ? productGradient(X, g, into[1], W.shape, true, false) : undefined;
  let db: T.Tensor | undefined;
  if (needs[2]) {
    // Column sums of G, by the layers' kernel, straight into the bias's grad when offered.
    const target = into[2] ?? gradZeros([g.shape[1]], g.dtype);
    if (g.size > 0) T.kernels().addColumnSums(g.data, target.data, g.shape[0], g.shape[1]);
    db = into[2] === undefined ? target : undefined;
  }
  return [dX, dW, db];
}

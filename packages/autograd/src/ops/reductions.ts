import * as T from "@nn/tensor";
import type { Tensor } from "@nn/tensor";
import { type Input, record, toVariable } from "../record.js";
import type { Variable } from "../variable.js";

/** g of the reduced shape, spread back over the reduced axis: every input element gets its output's gradient. */
function spread(g: Tensor, inputShape: readonly number[], keepShape: readonly number[]): Tensor {
  return T.add(T.zeros(inputShape, g.dtype), g.reshape(keepShape));
}

function keptShape(x: Variable, axis: number | undefined, op: string): number[] {
  return T.axisLayout(x.value, axis, true, op).reducedShape;
}

/** Σ over `axis` (every element when omitted). docs/math_derivations.md §AD.6: each input gets the output's gradient. */
export function sum(a: Input, axis?: number, keepDims = false): Variable {
  const x = toVariable("sum", "a", a);
  const keep = keptShape(x, axis, "sum");
  return record("sum", T.sum(x.value, axis, keepDims), [x], (g) => [spread(g, x.shape, keep)]);
}

/** Mean over `axis` (every element when omitted). docs/math_derivations.md §AD.6: the output's gradient / n. */
export function mean(a: Input, axis?: number, keepDims = false): Variable {
  const x = toVariable("mean", "a", a);
  const { n } = T.axisLayout(x.value, axis, true, "mean");
  const keep = keptShape(x, axis, "mean");
  return record("mean", T.mean(x.value, axis, keepDims), [x], (g) => [spread(T.div(g, n), x.shape, keep)]);
}

/**
 * Largest value over `axis`. docs/math_derivations.md §AD.6: the gradient goes to the position of
 * the maximum, split evenly when several elements tie (the symmetric choice, as PyTorch's `amax`).
 */
export function max(a: Input, axis?: number, keepDims = false): Variable {
  const x = toVariable("max", "a", a);
  const y = T.max(x.value, axis, keepDims);
  const { outer, n, inner } = T.axisLayout(x.value, axis, true, "max");
  return record("max", y, [x], (g) => {
    const dx = T.zeros(x.shape, g.dtype);
    const xd = x.value.data, yd = y.data, gd = g.data, out = dx.data;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const slot = o * inner + i, top = yd[slot];
        let ties = 0;
        for (let p = 0; p < n; p++) if (xd[(o * n + p) * inner + i] === top) ties++;
        for (let p = 0; p < n; p++) {
          const at = (o * n + p) * inner + i;
          if (xd[at] === top) out[at] = gd[slot] / ties;
        }
      }
    }
    return [dx];
  });
}

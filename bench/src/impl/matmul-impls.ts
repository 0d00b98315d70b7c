import type * as TF from "@tensorflow/tfjs";
import { Tensor, matmul, zeros } from "@nn/tensor";
import type { MatmulCase } from "../matmul-case.js";
import type { Timed } from "../timing.js";
import { type Tfjs, type TfjsBackend, useTfjsBackend } from "./tfjs-loader.js";

/** A timed product whose last result can be read back for the cross-check. */
export interface TimedProduct extends Timed {
  result(): Float32Array;
}

function storedShape(rows: number, cols: number, transposed: boolean): [number, number] {
  return transposed ? [cols, rows] : [rows, cols];
}

/** nn: `matmul` with transpose flags (no transpose materialised) into a preallocated `out`. */
export function nnProduct(c: MatmulCase): TimedProduct {
  const a = new Tensor(c.a, storedShape(c.m, c.k, c.transA));
  const b = new Tensor(c.b, storedShape(c.k, c.n, c.transB));
  const options = { transposeA: c.transA, transposeB: c.transB, out: zeros([c.m, c.n]) };
  return {
    name: "nn",
    run() {
      matmul(a, b, options);
    },
    result: () => options.out.data as Float32Array,
  };
}

/** tfjs: `tf.matMul(a, b, transposeA, transposeB)`; the result stays in the backend, as in a model. */
export async function tfjsProduct(tf: Tfjs, backend: TfjsBackend, c: MatmulCase): Promise<TimedProduct> {
  await useTfjsBackend(tf, backend);
  const a = tf.tensor2d(c.a, storedShape(c.m, c.k, c.transA));
  const b = tf.tensor2d(c.b, storedShape(c.k, c.n, c.transB));
  let last: TF.Tensor | undefined;
  return {
    name: `tfjs ${backend}`,
    prepare: () => useTfjsBackend(tf, backend),
    run() {
      last?.dispose();
      last = tf.matMul(a, b, c.transA, c.transB);
    },
    result: () => (last ?? tf.matMul(a, b, c.transA, c.transB)).dataSync() as Float32Array,
  };
}

import { binaryJs, clipJs, unaryJs } from "./js-elementwise.js";
import { matmulJs } from "./js-matmul.js";
import { argmaxJs, reduceJs } from "./js-reduce.js";
import { softmaxJs } from "./js-softmax.js";
import { transposeJs } from "./js-transpose.js";
import type { Kernels } from "./kernels.js";

/** The pure-TypeScript kernels: the readable reference every other backend is tested against. */
export const jsKernels: Kernels = {
  name: "js",
  matmul: matmulJs,
  binary: binaryJs,
  unary: unaryJs,
  clip: clipJs,
  reduce: reduceJs,
  argmax: argmaxJs,
  softmax: softmaxJs,
  transpose: transposeJs,
};

let active: Kernels = jsKernels;

/** The kernels every op currently uses. */
export function kernels(): Kernels {
  return active;
}

/** Switch the kernels used by every op (tests run the whole suite once per backend). */
export function setKernels(next: Kernels): void {
  active = next;
}

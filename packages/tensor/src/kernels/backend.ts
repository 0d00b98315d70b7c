import type { Kernels } from "./kernels.js";
import { matmulJs } from "./js-matmul.js";

export const jsKernels: Kernels = { name: "js", matmul: matmulJs };

let active: Kernels = jsKernels;

/** The kernels every op currently uses. */
export function kernels(): Kernels {
  return active;
}

/** Switch the kernels used by every op (tests run the whole suite once per backend). */
export function setKernels(next: Kernels): void {
  active = next;
}

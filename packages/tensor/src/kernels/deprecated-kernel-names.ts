import type { TypedArray } from "../dtype.js";
import type { Kernels } from "./kernels.js";

type DeprecatedNames = Pick<Kernels, "relu" | "reluBackward" | "addRow" | "sumRowsInto" | "axpy">;

/**
 * The 0.1 names of the element-wise kernels, named after the dense layer that first called them.
 * Each forwards to the kernel of the object it is installed on (`this`), so a backend that spreads
 * these in keeps its own implementations behind the old names too.
 */
export function deprecatedKernelNames(): DeprecatedNames {
  return {
    relu(this: Kernels, x: TypedArray, y: TypedArray): void {
      this.positivePart(x, y);
    },
    reluBackward(this: Kernels, x: TypedArray, dy: TypedArray, dx: TypedArray): void {
      this.wherePositive(x, dy, dx);
    },
    addRow(this: Kernels, y: TypedArray, bias: TypedArray, rows: number, cols: number): void {
      this.addToRows(y, bias, rows, cols);
    },
    sumRowsInto(this: Kernels, y: TypedArray, out: TypedArray, rows: number, cols: number): void {
      this.addColumnSums(y, out, rows, cols);
    },
    axpy(this: Kernels, alpha: number, x: TypedArray, y: TypedArray): void {
      this.addScaled(alpha, x, y);
    },
  };
}

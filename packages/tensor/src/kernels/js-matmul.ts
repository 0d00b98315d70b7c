import type { TypedArray } from "../dtype.js";

/**
 * Reference matmul in plain TypeScript, ordered so the innermost loop walks memory contiguously
 * in each transpose case (no transpose is materialised).
 */
export function matmulJs(a: TypedArray, b: TypedArray, out: TypedArray, m: number, n: number, k: number, transA: boolean, transB: boolean): void {
  out.fill(0, 0, m * n);
  if (!transB) {
    // out[i, :] += A(i, p) * B[p, :]
    for (let i = 0; i < m; i++) {
      const oRow = i * n;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i] : a[i * k + p];
        const bRow = p * n;
        for (let j = 0; j < n; j++) out[oRow + j] += aip * b[bRow + j];
      }
    }
  } else {
    // out[i, j] = A(i, :) · B[j, :]
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        const bRow = j * k;
        if (transA) for (let p = 0; p < k; p++) s += a[p * m + i] * b[bRow + p];
        else {
          const aRow = i * k;
          for (let p = 0; p < k; p++) s += a[aRow + p] * b[bRow + p];
        }
        out[i * n + j] = s;
      }
    }
  }
}

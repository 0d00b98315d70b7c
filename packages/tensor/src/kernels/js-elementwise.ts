import type { TypedArray } from "../dtype.js";
import type { BinaryOp, UnaryOp } from "./kernels.js";
import * as elementary from "../math/index.js";

/**
 * One contiguous output row of a broadcasting binary op: out[o + j] = a[ia + j·sa] op b[ib + j·sb].
 * The switch sits outside the loops so each loop body is a single arithmetic instruction; a
 * broadcast operand (stride 0) is read once.
 */
function binaryRow(op: BinaryOp, a: TypedArray, ia: number, sa: number, b: TypedArray, ib: number, sb: number, out: TypedArray, o: number, n: number): void {
  if (sb === 0) {
    const y = b[ib];
    switch (op) {
      case "add": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] + y; return;
      case "sub": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] - y; return;
      case "mul": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] * y; return;
      case "div": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] / y; return;
    }
  }
  if (sa === 0) {
    const x = a[ia];
    switch (op) {
      case "add": for (let j = 0; j < n; j++) out[o + j] = x + b[ib + j * sb]; return;
      case "sub": for (let j = 0; j < n; j++) out[o + j] = x - b[ib + j * sb]; return;
      case "mul": for (let j = 0; j < n; j++) out[o + j] = x * b[ib + j * sb]; return;
      case "div": for (let j = 0; j < n; j++) out[o + j] = x / b[ib + j * sb]; return;
    }
  }
  switch (op) {
    case "add": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] + b[ib + j * sb]; return;
    case "sub": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] - b[ib + j * sb]; return;
    case "mul": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] * b[ib + j * sb]; return;
    case "div": for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] / b[ib + j * sb]; return;
  }
}

/** Walks every result row in row-major order, stepping each operand's offset by its strides. */
export function binaryJs(op: BinaryOp, a: TypedArray, aStrides: readonly number[], b: TypedArray, bStrides: readonly number[], out: TypedArray, shape: readonly number[]): void {
  const last = shape.length - 1;
  const n = shape[last];
  const sa = aStrides[last], sb = bStrides[last];
  const rows = out.length / n;
  if (last === 0) {
    binaryRow(op, a, 0, sa, b, 0, sb, out, 0, n);
    return;
  }
  const index = new Array<number>(last).fill(0);
  let ia = 0, ib = 0;
  for (let r = 0, o = 0; r < rows; r++, o += n) {
    binaryRow(op, a, ia, sa, b, ib, sb, out, o, n);
    // Odometer increment of the outer index, carrying into earlier axes.
    for (let d = last - 1; d >= 0; d--) {
      ia += aStrides[d];
      ib += bStrides[d];
      if (++index[d] < shape[d]) break;
      ia -= aStrides[d] * shape[d];
      ib -= bStrides[d] * shape[d];
      index[d] = 0;
    }
  }
}

export function unaryJs(op: UnaryOp, a: TypedArray, out: TypedArray): void {
  const n = out.length;
  switch (op) {
    case "neg": for (let i = 0; i < n; i++) out[i] = -a[i]; return;
    case "exp": for (let i = 0; i < n; i++) out[i] = elementary.exp(a[i]); return;
    case "log": for (let i = 0; i < n; i++) out[i] = elementary.log(a[i]); return;
    case "sqrt": for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i]); return;
    case "abs": for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]); return;
  }
}

export function clipJs(a: TypedArray, lo: number, hi: number, out: TypedArray): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    // Comparisons with NaN are false, so NaN passes through unchanged.
    out[i] = x < lo ? lo : x > hi ? hi : x;
  }
}

import { ShapeError, formatShape } from "./errors.js";

export type Shape = readonly number[];

/** Refuses negative, fractional, NaN or infinite dimensions, naming the op and the bad entry. */
export function validateShape(shape: readonly number[], op: string): void {
  const value: unknown = shape;
  if (!Array.isArray(value)) throw new ShapeError(`${op}: shape must be an array of integers, got ${typeof shape}`);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(
        `${op}: invalid shape [${shape.map(String).join(",")}]: dimension ${i} is ${String(d)}; dimensions must be non-negative integers`,
      );
    }
  }
}

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides, in elements. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** NumPy broadcasting: align trailing axes; each pair must be equal or contain a 1. */
export function broadcastShapes(a: Shape, b: Shape, op: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(`${op}: shapes do not broadcast: ${formatShape(a)} and ${formatShape(b)}`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Resolves a possibly negative axis against a rank, or throws naming the op. */
export function normalizeAxis(axis: number, rank: number, op: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ShapeError(`${op}: axis ${axis} is out of range for a tensor of rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}

import { type DType, Tensor, formatShape, refusePromise, tensor } from "@nn/tensor";
import type { TrainableModel } from "./types.js";

/** Rows of numbers, as `tensor()` takes them: `[[0.1, 2], [3, 4]]`. */
export type NumberRows = readonly (readonly number[])[];

/**
 * Refuses what is not a model before anything calls it, so the message says what went wrong
 * instead of "model.forward is not a function": above all a Promise, from `loadModel` without `await`.
 */
export function checkModel(model: unknown, op: string): asserts model is TrainableModel {
  refusePromise(model, op);
  const m = model as Partial<TrainableModel> | null;
  if (m === null || typeof m !== "object" || typeof m.forward !== "function" || typeof m.parameters !== "function") {
    throw new TypeError(`${op}: expected a model (an object with forward and parameters, e.g. a Sequential), got ${describe(model)}`);
  }
}

/** The dtype inputs are converted to: the model's parameters', or `fallback` for a model without any. */
export function modelDType(model: TrainableModel, fallback: DType): DType {
  const params = model.parameters();
  return params.length > 0 ? params[0].value.dtype : fallback;
}

/** `x` as a [n, features] tensor in the model's dtype; nested number arrays are accepted as `tensor()` reads them. */
export function inputMatrix(x: Tensor | NumberRows, model: TrainableModel, op: string): Tensor {
  let t: Tensor;
  if (Array.isArray(x)) t = tensor(x as number[][], modelDType(model, "float32"));
  else if (x instanceof Tensor || isTensorLike(x)) t = x as Tensor;
  else throw new TypeError(`${op}: x must be a Tensor or rows of numbers ([[...], ...]), got ${describe(x)}`);
  if (t.rank !== 2) throw new RangeError(`${op}: x must have shape [n, features], got ${formatShape(t.shape)}`);
  const dtype = modelDType(model, t.dtype);
  return t.dtype === dtype ? t : t.astype(dtype);
}

/** A Tensor from another copy of @nn/tensor (two installed versions) fails `instanceof` but works alike. */
function isTensorLike(x: unknown): boolean {
  return typeof x === "object" && x !== null && "data" in x && "shape" in x && typeof (x as Tensor).astype === "function";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && name !== "Object" ? `a ${name}` : "an object";
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}

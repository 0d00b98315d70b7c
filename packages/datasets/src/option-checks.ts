import type { DType } from "@nn/tensor";

/** Option validation shared by every public function: each error names the function, the option and the allowed range. */

export function checkInteger(op: string, name: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${op}: ${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

export function checkNonNegative(op: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${op}: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

export function checkFinite(op: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${op}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

export function checkSeed(op: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${op}: seed must be a non-negative safe integer, got ${String(value)}`);
  }
  return value;
}

export function checkDType(op: string, value: unknown): DType {
  if (value === undefined) return "float32";
  if (value !== "float32" && value !== "float64") {
    throw new TypeError(`${op}: dtype must be 'float32' or 'float64', got ${JSON.stringify(value)}`);
  }
  return value;
}

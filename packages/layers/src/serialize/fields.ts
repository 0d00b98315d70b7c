import { ModelFileError } from "../errors.js";
import type { JsonObject } from "../json.js";

/** Readers for model-file fields: each checks one value and names its path when it is wrong. */

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (missing)";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (!isPlainObject(value)) throw new ModelFileError(path, `must be an object, got ${describeValue(value)}`);
  return value;
}

export function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ModelFileError(path, `must be an array, got ${describeValue(value)}`);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== "string") throw new ModelFileError(path, `must be a string, got ${describeValue(value)}`);
  return value;
}

export function readPositiveInt(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new ModelFileError(path, `must be a positive integer, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * The largest width (features, units) a model file may declare: 2²⁴ = 16,777,216. A Dense layer
 * that wide already holds 64 MiB per input feature; a larger number is corruption or an attack,
 * and it is refused before any layer allocates or initialises its weights.
 */
export const MAX_DECLARED_WIDTH = 2 ** 24;

/** A layer width: a positive integer no larger than MAX_DECLARED_WIDTH. */
export function readWidth(value: unknown, path: string): number {
  const width = readPositiveInt(value, path);
  if (width > MAX_DECLARED_WIDTH) {
    throw new ModelFileError(path, `is ${width}, more than the ${MAX_DECLARED_WIDTH} a model file may declare (a corrupt or hostile file?)`);
  }
  return width;
}

export function readNumber(value: unknown, path: string, valid: (v: number) => boolean = Number.isFinite, range = "a finite number"): number {
  if (typeof value !== "number" || !valid(value)) throw new ModelFileError(path, `must be ${range}, got ${describeValue(value)}`);
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") throw new ModelFileError(path, `must be true or false, got ${describeValue(value)}`);
  return value;
}

export function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new ModelFileError(path, `must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${describeValue(value)}`);
  }
  return value as T;
}

export function readDType(value: unknown, path: string): "float32" | "float64" {
  return readChoice(value, path, ["float32", "float64"] as const);
}

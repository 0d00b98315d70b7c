import { suggestName } from "./did-you-mean.js";
import { parseDecimal as readDecimal } from "@nn/tensor";
import { UsageError } from "./usage-error.js";

/** Reads typed flag values and turns every bad one into `nn <command>: --flag must be …, got …`. */
export class FlagReader {
  constructor(
    private readonly command: string,
    private readonly values: Readonly<Record<string, string | boolean | undefined>>,
  ) {}

  /** `hint`: appended after the value, e.g. a did-you-mean. */
  fail(flag: string, expected: string, got: string, hint = ""): never {
    throw new UsageError(`nn ${this.command}: --${flag} must be ${expected}, got ${got === "" ? '""' : got}${hint}`);
  }

  has(flag: string): boolean {
    return this.values[flag] !== undefined;
  }

  string(flag: string): string | undefined {
    const v = this.values[flag];
    return typeof v === "string" ? v : undefined;
  }

  requiredString(flag: string): string {
    const v = this.string(flag);
    if (v === undefined || v === "") throw new UsageError(`nn ${this.command}: --${flag} is required`);
    return v;
  }

  boolean(flag: string): boolean {
    return this.values[flag] === true;
  }

  /** A finite number; `positive` excludes 0, `min`/`max` are inclusive. */
  number(flag: string, fallback: number, range: { positive?: boolean; min?: number; max?: number; belowOne?: boolean } = {}): number {
    const raw = this.string(flag);
    if (raw === undefined) return fallback;
    // The whole range, both ends: "--gamma 2" must hear "in (0, 1]", not "a positive number".
    const expected = range.positive
      ? range.max !== undefined ? `a number in (0, ${range.max}]` : "a positive number"
      : range.belowOne
        ? `a number in [${range.min ?? 0}, 1)`
        : range.min !== undefined && range.max !== undefined
          ? `a number in [${range.min}, ${range.max}]`
          : range.min !== undefined
            ? `a number ≥ ${range.min}`
            : "a number";
    const value = readDecimal(raw);
    if (value === undefined) this.fail(flag, `${expected} (decimal, e.g. 0.01 or 1e-2)`, raw);
    if (range.positive && !(value > 0)) this.fail(flag, expected, raw);
    if (range.min !== undefined && value < range.min) this.fail(flag, expected, raw);
    if (range.max !== undefined && value > range.max) this.fail(flag, expected, raw);
    if (range.belowOne && value >= 1) this.fail(flag, expected, raw);
    return value;
  }

  /** A whole number ≥ min. */
  integer(flag: string, fallback: number, min = 1): number {
    const raw = this.string(flag);
    if (raw === undefined) return fallback;
    const expected = min === 1 ? "a positive whole number" : `a whole number ≥ ${min}`;
    const value = readDecimal(raw);
    if (value === undefined || !Number.isSafeInteger(value) || value < min) this.fail(flag, expected, raw);
    return value;
  }

  /** One of a fixed set of names. */
  choice<T extends string>(flag: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(flag);
    if (raw === undefined) return fallback;
    const lower = raw.toLowerCase();
    const hit = allowed.find((name) => name === lower);
    if (hit === undefined) this.fail(flag, `one of ${allowed.join(", ")}`, raw, suggestName(raw, allowed));
    return hit;
  }

  /** A comma-separated list of positive whole numbers, e.g. `--layers 64,32`. */
  integerList(flag: string, fallback: readonly number[]): number[] {
    const raw = this.string(flag);
    if (raw === undefined) return [...fallback];
    const parts = raw.split(",");
    const expected = "a comma-separated list of positive whole numbers (e.g. 64,32)";
    if (raw.trim() === "") this.fail(flag, expected, raw);
    return parts.map((part) => {
      const value = readDecimal(part.trim());
      // Any whole number passes here, however large: the memory check names a width nn cannot build.
      if (value === undefined || !Number.isInteger(value) || value < 1) this.fail(flag, expected, raw);
      return value;
    });
  }
}

import { type DType, Tensor, isDecimal, allocate } from "@nn/tensor";
import { CsvError, type CsvLocation } from "./csv-error.js";

const WHOLE_NUMBER = /^[+-]?\d+$/;

/** Class indices of the label cells, and the class names those indices stand for. */
export interface EncodedLabels {
  y: Tensor;
  numClasses: number;
  classNames: string[];
}

/**
 * Maps labels to class indices 0..k−1 by their distinct values. Whole-number labels are ordered
 * numerically and named by their value (labels 1 and 5 are two classes, "1" and "5", not six
 * with four empty); other labels are names in sorted order; `given` fixes names and order.
 * `where(r)` locates row r's label cell for errors.
 */
export function encodeLabels(labels: readonly string[], given: readonly string[] | undefined, dtype: DType, where: (r: number) => CsvLocation): EncodedLabels {
  const classNames = given !== undefined ? checkClassNames(given) : distinctClasses(labels, where);
  const index = new Map(classNames.map((name, k) => [name, k]));
  const numeric = given === undefined && labels.every((s) => WHOLE_NUMBER.test(s));
  const n = labels.length;
  const y = allocate(dtype, n);
  for (let r = 0; r < n; r++) {
    const k = index.get(numeric ? String(Number(labels[r])) : labels[r]);
    if (k === undefined) {
      throw new CsvError(where(r), `label ${JSON.stringify(labels[r])} is not one of classNames (${classNames.map((s) => JSON.stringify(s)).join(", ")})`);
    }
    y[r] = k;
  }
  return { y: new Tensor(y, [n]), numClasses: classNames.length, classNames };
}

function distinctClasses(labels: readonly string[], where: (r: number) => CsvLocation): string[] {
  if (labels.every((s) => WHOLE_NUMBER.test(s))) {
    const values = [...new Set(labels.map(Number))].sort((a, b) => a - b);
    return values.map(String);
  }
  if (labels.every(isDecimal)) {
    const r = labels.findIndex((s) => !WHOLE_NUMBER.test(s));
    throw new CsvError(
      where(r),
      `label ${JSON.stringify(labels[r])} is not a whole number: numeric labels name classes (a regression target cannot be read as classes; or pass classNames)`,
    );
  }
  return [...new Set(labels)].sort();
}

function checkClassNames(given: readonly string[]): string[] {
  const value: unknown = given;
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) {
    throw new TypeError("parseCsv: classNames must be an array of strings");
  }
  const seen = new Map<string, number>();
  given.forEach((name, k) => {
    const first = seen.get(name);
    if (first !== undefined) throw new RangeError(`parseCsv: classNames lists ${JSON.stringify(name)} twice (at ${first} and ${k}); each class needs one name`);
    seen.set(name, k);
  });
  return [...given];
}

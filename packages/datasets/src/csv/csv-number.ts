import { type DType, isDecimal } from "@nn/tensor";
import { CsvError, type CsvLocation } from "./csv-error.js";

/** Largest finite float32, (2 − 2⁻²³)·2¹²⁷; anything larger in magnitude is stored as ±Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;


/**
 * A feature cell as a number in `dtype`, refusing what is not a plain decimal or does not fit:
 * `1e999` overflows float64 and `1e39` float32, and either would reach training as Infinity.
 */
export function readCsvNumber(field: string, where: CsvLocation, dtype: DType): number {
  if (field === "") throw new CsvError(where, "empty field: missing values are not filled in");
  if (!isDecimal(field)) throw new CsvError(where, `${JSON.stringify(field)} is not a number`);
  const value = Number(field);
  if (!Number.isFinite(value)) throw new CsvError(where, `${JSON.stringify(field)} is too large: it overflows to Infinity`);
  if (dtype === "float32" && Math.abs(value) > FLOAT32_MAX) {
    throw new CsvError(where, `${JSON.stringify(field)} is beyond float32's range (±3.4e38): it would be stored as Infinity (use dtype float64, or rescale the column)`);
  }
  return value;
}

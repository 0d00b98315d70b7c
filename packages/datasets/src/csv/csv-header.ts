import { isDecimal } from "@nn/tensor";
import type { CsvRecord } from "./tokenize-csv.js";

/**
 * Whether the first record names the columns. Explicit `header` wins; otherwise it is a header
 * unless every one of its feature cells (all but `skip`, the label column when known) is a
 * number, in which case it is the first row of data. A label given by name needs a header.
 */
export function hasHeader(first: CsvRecord, header: boolean | undefined, labelByName: boolean, skip: number | undefined): boolean {
  if (header !== undefined) return header;
  if (labelByName) return true;
  const features = first.fields.filter((_, c) => c !== skip).map((f) => f.trim());
  return !(features.length > 0 && features.every(isDecimal));
}

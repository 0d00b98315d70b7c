import type { CsvRecord } from "./tokenize-csv.js";

const CANDIDATES = [",", ";", "\t", "|"];

/**
 * The delimiter a file read as one column most likely uses: a candidate that occurs the same
 * (non-zero) number of times in each of its first records, as a column separator would.
 */
export function suggestDelimiter(records: readonly CsvRecord[], tried: string): string | undefined {
  const sample = records.slice(0, 20).map((r) => r.fields.join(tried));
  for (const candidate of CANDIDATES) {
    if (candidate === tried) continue;
    const counts = sample.map((line) => line.split(candidate).length - 1);
    if (counts.length > 0 && counts[0] > 0 && counts.every((c) => c === counts[0])) return candidate;
  }
  return undefined;
}

/** How a delimiter reads in a message: a tab is invisible. */
export function showDelimiter(delimiter: string): string {
  return delimiter === "\t" ? "a tab" : JSON.stringify(delimiter);
}

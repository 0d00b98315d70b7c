import { checkOptions, optionKeys } from "@nn/tensor";
import { readFileSync } from "node:fs";
import type { Dataset } from "../dataset.js";
import { type CsvOptions, parseCsv } from "../csv/parse-csv.js";

export type LoadCsvOptions = Omit<CsvOptions, "source">;

const LOAD_CSV_OPTIONS = optionKeys<LoadCsvOptions>()("header", "labelColumn", "delimiter", "classNames", "dtype");

function readCsvFile(op: string, path: string, options: LoadCsvOptions): Dataset {
  checkOptions(op, options, LOAD_CSV_OPTIONS);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`${op}: cannot read ${JSON.stringify(path)}: ${(e as Error).message}`, { cause: e });
  }
  return parseCsv(text, { ...options, source: path });
}

/**
 * Reads a UTF-8 CSV file into a Dataset (see `parseCsv`), blocking until it is read, as the
 * `Sync` says (CONTRIBUTING.md, "Names and signatures"); errors start with the file path.
 */
export function loadCsvSync(path: string, options: LoadCsvOptions = {}): Dataset {
  return readCsvFile("loadCsvSync", path, options);
}

/** @deprecated Renamed `loadCsvSync` (a blocking file read says `Sync`); this name keeps working. */
export function loadCsv(path: string, options: LoadCsvOptions = {}): Dataset {
  return readCsvFile("loadCsv", path, options);
}

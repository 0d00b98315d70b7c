import { checkOptions, optionKeys } from "@nn/tensor";
import { readFileSync } from "node:fs";
import type { Dataset } from "../dataset.js";
import { type CsvOptions, parseCsv } from "../csv/parse-csv.js";

export type LoadCsvOptions = Omit<CsvOptions, "source">;

const LOAD_CSV_OPTIONS = optionKeys<LoadCsvOptions>()("header", "labelColumn", "delimiter", "classNames", "dtype");

/** Reads a UTF-8 CSV file into a Dataset (see `parseCsv`); errors start with the file path. */
export function loadCsv(path: string, options: LoadCsvOptions = {}): Dataset {
  checkOptions("loadCsv", options, LOAD_CSV_OPTIONS);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`loadCsv: cannot read ${JSON.stringify(path)}: ${(e as Error).message}`, { cause: e });
  }
  return parseCsv(text, { ...options, source: path });
}

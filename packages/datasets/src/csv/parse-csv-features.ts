import { type DType, Tensor } from "@nn/tensor";
import { checkDType } from "../option-checks.js";
import { readCsvTable, readFeatureCells } from "./csv-table.js";

export interface CsvFeatureOptions {
  /** Whether the first row names the columns. Default: detected, as in parseCsv (a row of numbers is data). */
  header?: boolean;
  /** One character between fields (default ","). */
  delimiter?: string;
  /** dtype of x (default float32). */
  dtype?: DType;
  /** A name for the text (a file path) to put in front of error messages. */
  source?: string;
  /**
   * A column to leave out when the header names it: the label column of a training file, so the
   * file a model was trained on can be given to it for prediction as it is.
   */
  ignoreColumn?: string;
}

/** Feature rows without labels (what a trained model predicts on): every column numeric. */
export interface CsvFeatures {
  readonly x: Tensor;
  readonly featureNames?: readonly string[];
  /** 1-based line of each row, for errors that concern a row found later (a prediction). */
  readonly lines: readonly number[];
  /** The column left out (0-based, in the file), when `ignoreColumn` named one. */
  readonly ignoredColumn?: number;
}

/** Reads a CSV of numeric feature rows, with the same rules and errors as parseCsv. */
export function parseCsvFeatures(text: string, options: CsvFeatureOptions = {}): CsvFeatures {
  const dtype = checkDType("parseCsvFeatures", options.dtype);
  const table = readCsvTable("parseCsvFeatures", text, options, { byName: false, index: () => undefined, minWidth: 1 });
  const found = options.ignoreColumn === undefined ? -1 : (table.names?.indexOf(options.ignoreColumn) ?? -1);
  const skip = found >= 0 ? found : undefined;
  const { data, features } = readFeatureCells(table, skip, dtype);
  const featureNames = table.names?.filter((_, c) => c !== skip);
  return {
    x: new Tensor(data, [table.rows.length, features]),
    lines: table.rows.map((r) => r.lines[0]),
    ...(featureNames && { featureNames }),
    ...(skip !== undefined && { ignoredColumn: skip }),
  };
}

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
   * The feature names a model was trained with. When the header holds all of them and one more
   * column (the labels of the training file), that column is left out, so the file a model was
   * trained on can be given to it as it is.
   */
  featureNames?: readonly string[];
}

/** Feature rows without labels (what a trained model predicts on): every column numeric. */
export interface CsvFeatures {
  readonly x: Tensor;
  readonly featureNames?: readonly string[];
  /** 1-based line of each row, for errors that concern a row found later (a prediction). */
  readonly lines: readonly number[];
  /** The column left out (0-based, in the file): the training file's label column. */
  readonly ignoredColumn?: number;
}

/** Reads a CSV of numeric feature rows, with the same rules and errors as parseCsv. */
export function parseCsvFeatures(text: string, options: CsvFeatureOptions = {}): CsvFeatures {
  const dtype = checkDType("parseCsvFeatures", options.dtype);
  const table = readCsvTable("parseCsvFeatures", text, options, { byName: false, index: () => undefined, minWidth: 1 });
  const skip = labelColumnOf(table.names, options.featureNames);
  const { data, features } = readFeatureCells(table, skip, dtype);
  const featureNames = table.names?.filter((_, c) => c !== skip);
  return {
    x: new Tensor(data, [table.rows.length, features]),
    lines: table.rows.map((r) => r.lines[0]),
    ...(featureNames && { featureNames }),
    ...(skip !== undefined && { ignoredColumn: skip }),
  };
}

/** The one header column that is not a feature, when the header is the features plus one. */
function labelColumnOf(names: readonly string[] | undefined, features: readonly string[] | undefined): number | undefined {
  if (names === undefined || features === undefined || names.length !== features.length + 1) return undefined;
  const known = new Set(features);
  const extra = names.flatMap((name, c) => (known.has(name) ? [] : [c]));
  return extra.length === 1 && features.every((f) => names.includes(f)) ? extra[0] : undefined;
}

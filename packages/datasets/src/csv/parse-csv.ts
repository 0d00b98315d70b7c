import { type DType, Tensor } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { checkDType } from "../option-checks.js";
import { CsvError } from "./csv-error.js";
import { type CsvRecord, tokenizeCsv } from "./tokenize-csv.js";

export interface CsvOptions {
  /** The first row names the columns (default true). */
  header?: boolean;
  /** The label column: a header name, or a 0-based index (negative counts from the end). Default: the last column. */
  labelColumn?: string | number;
  /** One character between fields (default ","). */
  delimiter?: string;
  /**
   * The class names in class-index order. Without it, labels that are all non-negative integers
   * are used as class indices, and any other labels are names, numbered in sorted order.
   */
  classNames?: readonly string[];
  /** dtype of x and y (default float32). */
  dtype?: DType;
  /** A name for the text (a file path) to put in front of error messages. */
  source?: string;
}

// A plain decimal number: optional sign, digits with an optional fraction, optional exponent.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const CLASS_INDEX = /^\d+$/;

/**
 * Reads a CSV text into a Dataset: every column but the label column is a numeric feature; the
 * label column holds class indices or class names. Errors name the 1-based line (header
 * included, as an editor counts) and the column, and nothing is filled in or guessed.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Dataset {
  const { source } = options;
  const header = options.header ?? true;
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new RangeError(`parseCsv: delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`);
  }
  const dtype = checkDType("parseCsv", options.dtype);
  const records = tokenizeCsv(text, delimiter, source);
  if (records.length === 0) throw new CsvError({ line: 1, column: 1, source }, "the text is empty: expected a header row and data rows");

  const names = header ? records[0].fields.map((f) => f.trim()) : undefined;
  const rows = header ? records.slice(1) : records;
  const width = records[0].fields.length;
  if (rows.length === 0) {
    throw new CsvError({ line: records[0].lines[0] + 1, source }, "no data rows after the header");
  }
  const label = resolveLabelColumn(options.labelColumn, names, width, header ? records[0].lines[0] : rows[0].lines[0], source);
  if (width < 2) {
    throw new CsvError({ line: rows[0].lines[0], source }, `found ${width} column; need at least one feature column besides the label column`);
  }
  const where = (record: CsvRecord, col: number) => ({
    line: record.lines[Math.min(col, record.lines.length - 1)],
    column: col + 1,
    columnName: names?.[col],
    source,
  });

  const n = rows.length, features = width - 1;
  const x = dtype === "float64" ? new Float64Array(n * features) : new Float32Array(n * features);
  const labels: string[] = new Array<string>(n);
  for (let r = 0; r < n; r++) {
    const record = rows[r];
    if (record.fields.length !== width) raggedRow(record, width, header, names, source);
    let o = r * features;
    for (let c = 0; c < width; c++) {
      const field = record.fields[c].trim();
      if (c === label) {
        if (field === "") throw new CsvError(where(record, c), "empty label");
        labels[r] = field;
        continue;
      }
      if (field === "") throw new CsvError(where(record, c), "empty field: missing values are not filled in");
      if (!DECIMAL.test(field)) throw new CsvError(where(record, c), `${JSON.stringify(field)} is not a number`);
      x[o++] = Number(field);
    }
  }
  const { y, numClasses, classNames } = encodeLabels(labels, rows, label, options.classNames, dtype, where);
  const featureNames = names?.filter((_, c) => c !== label);
  return { x: new Tensor(x, [n, features]), y, numClasses, ...(featureNames && { featureNames }), ...(classNames && { classNames }) };
}

function resolveLabelColumn(spec: string | number | undefined, names: string[] | undefined, width: number, line: number, source?: string): number {
  if (spec === undefined) return width - 1;
  if (typeof spec === "string") {
    if (names === undefined) {
      throw new CsvError({ line, source }, `label column ${JSON.stringify(spec)} is given by name, but header is false: give its 0-based index instead`);
    }
    const found = names.flatMap((name, c) => (name === spec ? [c] : []));
    if (found.length === 0) {
      throw new CsvError({ line, source }, `label column ${JSON.stringify(spec)} not found; the header has ${names.map((s) => JSON.stringify(s)).join(", ")}`);
    }
    if (found.length > 1) {
      throw new CsvError({ line, source }, `label column ${JSON.stringify(spec)} is ambiguous: columns ${found.map((c) => c + 1).join(" and ")} share that name`);
    }
    return found[0];
  }
  if (!Number.isInteger(spec) || spec >= width || spec < -width) {
    throw new CsvError({ line, source }, `label column index ${spec} is out of range for ${width} columns (0..${width - 1}, or -${width}..-1 from the end)`);
  }
  return spec < 0 ? width + spec : spec;
}

function raggedRow(record: CsvRecord, width: number, header: boolean, names: string[] | undefined, source?: string): never {
  const got = record.fields.length;
  const reference = header ? "the header" : "the first row";
  const col = got < width ? got : width; // 0-based: the first missing column, or the first extra one
  throw new CsvError(
    { line: record.lines[Math.min(col, got - 1)], column: col + 1, columnName: got < width ? names?.[col] : undefined, source },
    got < width
      ? `row has ${got} fields but ${reference} has ${width}: this column is missing`
      : `row has ${got} fields but ${reference} has ${width}: this column is extra`,
  );
}

function encodeLabels(
  labels: string[], rows: CsvRecord[], label: number, given: readonly string[] | undefined, dtype: DType,
  where: (record: CsvRecord, col: number) => { line: number; column: number; columnName: string | undefined; source: string | undefined },
): { y: Tensor; numClasses: number; classNames?: string[] } {
  const n = labels.length;
  const y = dtype === "float64" ? new Float64Array(n) : new Float32Array(n);
  if (given === undefined && labels.every((s) => CLASS_INDEX.test(s))) {
    let max = 0;
    for (let r = 0; r < n; r++) {
      y[r] = Number(labels[r]);
      max = Math.max(max, y[r]);
    }
    return { y: new Tensor(y, [n]), numClasses: max + 1 };
  }
  if (given === undefined) {
    const numeric = labels.findIndex((s) => DECIMAL.test(s) && !CLASS_INDEX.test(s));
    if (numeric >= 0 && labels.every((s) => DECIMAL.test(s))) {
      throw new CsvError(
        where(rows[numeric], label),
        `label ${JSON.stringify(labels[numeric])} is not a class index: numeric labels must be non-negative integers (or pass classNames)`,
      );
    }
  }
  const classNames = given !== undefined ? [...given] : [...new Set(labels)].sort();
  const index = new Map(classNames.map((name, k) => [name, k]));
  for (let r = 0; r < n; r++) {
    const k = index.get(labels[r]);
    if (k === undefined) {
      throw new CsvError(where(rows[r], label), `label ${JSON.stringify(labels[r])} is not one of classNames (${classNames.map((s) => JSON.stringify(s)).join(", ")})`);
    }
    y[r] = k;
  }
  return { y: new Tensor(y, [n]), numClasses: classNames.length, classNames };
}

import { type DType, Tensor, checkOptions, optionKeys } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { checkDType } from "../option-checks.js";
import { CsvError } from "./csv-error.js";
import { cellLocation, readCsvTable, readFeatureCells } from "./csv-table.js";
import { encodeLabels } from "./encode-labels.js";

export interface CsvOptions {
  /**
   * Whether the first row names the columns. Default: detected — the first row is data when every
   * feature cell in it is a number, and a header otherwise (always a header when `labelColumn` is
   * a name). `true` or `false` overrides the detection.
   */
  header?: boolean;
  /** The label column: a header name, or a 0-based index (negative counts from the end). Default: the last column. */
  labelColumn?: string | number;
  /** One character between fields (default ","). */
  delimiter?: string;
  /**
   * The class names in class-index order. Without it, labels are mapped to their distinct values:
   * whole numbers in numeric order (named by their value), any other labels in sorted order.
   */
  classNames?: readonly string[];
  /** dtype of x and y (default float32). */
  dtype?: DType;
  /** A name for the text (a file path) to put in front of error messages. */
  source?: string;
}

const CSV_OPTIONS = optionKeys<CsvOptions>()("header", "labelColumn", "delimiter", "classNames", "dtype", "source");

/**
 * Reads a CSV text into a Dataset: every column but the label column is a numeric feature; the
 * label column holds class labels. Errors name the 1-based line (header included, as an editor
 * counts) and the column, and nothing is filled in.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Dataset {
  checkOptions("parseCsv", options, CSV_OPTIONS);
  const dtype = checkDType("parseCsv", options.dtype);
  const spec = options.labelColumn;
  const table = readCsvTable("parseCsv", text, options, {
    byName: typeof spec === "string",
    // Header detection needs the label column before the header is known: an index, or the last.
    index: (width) => (typeof spec === "number" && Number.isInteger(spec) && spec < width && spec >= -width ? (spec + width) % width : width - 1),
    minWidth: 2,
  });
  const label = resolveLabelColumn(spec, table.names, table.width, table.firstLine, table.source);
  const { data, features } = readFeatureCells(table, label, dtype);
  const labels = table.rows.map((record) => {
    const field = record.fields[label].trim();
    if (field === "") throw new CsvError(cellLocation(table, record, label), "empty label");
    return field;
  });
  const { y, numClasses, classNames } = encodeLabels(labels, options.classNames, dtype, (r) => cellLocation(table, table.rows[r], label));
  const featureNames = table.names?.filter((_, c) => c !== label);
  const n = table.rows.length;
  return { x: new Tensor(data, [n, features]), y, numClasses, ...(featureNames && { featureNames }), classNames };
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

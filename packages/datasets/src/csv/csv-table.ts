import { type DType, allocate } from "@nn/tensor";
import { CsvError, type CsvLocation } from "./csv-error.js";
import { hasHeader } from "./csv-header.js";
import { readCsvNumber } from "./csv-number.js";
import { showDelimiter, suggestDelimiter } from "./suggest-delimiter.js";
import { type CsvRecord, tokenizeCsv } from "./tokenize-csv.js";

/** The records of a CSV text split into an optional header and the data rows, all of one width. */
export interface CsvTable {
  readonly names: string[] | undefined;
  readonly rows: CsvRecord[];
  readonly width: number;
  /** Line of the first record (the header when there is one). */
  readonly firstLine: number;
  readonly source: string | undefined;
}

export function checkDelimiter(op: string, delimiter: string): string {
  if (typeof delimiter !== "string" || delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new RangeError(`${op}: delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`);
  }
  return delimiter;
}

/**
 * Tokenizes `text` and decides whether its first record is a header (see hasHeader); `skip`
 * names the column left out of header detection (the label column, when known by index).
 */
export function readCsvTable(
  op: string, text: unknown, options: { header?: boolean; delimiter?: string; source?: string },
  label: { byName: boolean; index: (width: number) => number | undefined; minWidth: number },
): CsvTable {
  if (typeof text !== "string") throw new TypeError(`${op}: expected the CSV text as a string, got ${text === null ? "null" : typeof text}`);
  const { source } = options;
  const delimiter = checkDelimiter(op, options.delimiter ?? ",");
  const records = tokenizeCsv(text, delimiter, source);
  if (records.length === 0) throw new CsvError({ line: 1, column: 1, source }, "the text is empty: expected a header row and data rows");
  const width = records[0].fields.length;
  // One column is refused where a label column is needed, and anywhere the lines plainly hold
  // another delimiter (a semicolon file read with commas): a column of numbers never does.
  const guess = width === 1 ? suggestDelimiter(records, delimiter) : undefined;
  if (width < label.minWidth || guess !== undefined) {
    const need = width < label.minWidth ? "; need at least one feature column besides the label column" : "";
    const hint = guess === undefined ? "" : `; the lines hold ${showDelimiter(guess)} between values: is that the delimiter?`;
    throw new CsvError(
      { line: records[0].lines[0], source },
      `found 1 column with delimiter ${showDelimiter(delimiter)}${need}${hint}`,
      guess === undefined ? {} : { suggestedDelimiter: guess },
    );
  }
  const header = hasHeader(records[0], options.header, label.byName, label.byName ? undefined : label.index(width));
  const names = header ? records[0].fields.map((f) => f.trim()) : undefined;
  const rows = header ? records.slice(1) : records;
  if (rows.length === 0) throw new CsvError({ line: records[0].lines[0] + 1, source }, "no data rows after the header");
  for (const record of rows) if (record.fields.length !== width) raggedRow(record, width, header, names, source);
  return { names, rows, width, firstLine: records[0].lines[0], source };
}

/** Where cell (record, col) is, for errors. */
export function cellLocation(table: CsvTable, record: CsvRecord, col: number): CsvLocation {
  return { line: record.lines[Math.min(col, record.lines.length - 1)], column: col + 1, columnName: table.names?.[col], source: table.source };
}

/** The numeric cells of every column but `skip`, row by row, as one [rows, width − 1 or width] buffer. */
export function readFeatureCells(table: CsvTable, skip: number | undefined, dtype: DType): { data: Float32Array | Float64Array; features: number } {
  const features = skip === undefined ? table.width : table.width - 1;
  const n = table.rows.length;
  const data = allocate(dtype, n * features);
  let o = 0;
  for (const record of table.rows) {
    for (let c = 0; c < table.width; c++) {
      if (c === skip) continue;
      data[o++] = readCsvNumber(record.fields[c].trim(), cellLocation(table, record, c), dtype);
    }
  }
  return { data, features };
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

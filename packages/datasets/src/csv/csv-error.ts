/** Where in a CSV text a problem is: 1-based line (as an editor counts, header included) and column. */
export interface CsvLocation {
  line: number;
  /** 1-based column number, when the problem belongs to one column. */
  column?: number;
  /** The column's header name, when the CSV has a header. */
  columnName?: string;
  /** File path or other label of the text, when known (loadCsv sets it). */
  source?: string;
}

/** A CSV that cannot be read as a data set. The message starts with its location. */
export class CsvError extends Error {
  override name = "CsvError";
  readonly line: number;
  readonly column: number | undefined;
  readonly columnName: string | undefined;
  readonly source: string | undefined;
  /** The delimiter the text most likely uses, when it was read as one column with another. */
  readonly suggestedDelimiter: string | undefined;

  constructor(where: CsvLocation, problem: string, hints: { suggestedDelimiter?: string } = {}) {
    super(`${formatLocation(where)}: ${problem}`);
    this.line = where.line;
    this.column = where.column;
    this.columnName = where.columnName;
    this.source = where.source;
    this.suggestedDelimiter = hints.suggestedDelimiter;
  }
}

function formatLocation({ line, column, columnName, source }: CsvLocation): string {
  let s = `CSV line ${line}`;
  if (column !== undefined) s += `, column ${column}`;
  if (columnName !== undefined) s += ` (${JSON.stringify(columnName)})`;
  return source === undefined ? s : `${source}: ${s}`;
}

import { CsvError } from "./csv-error.js";

/** One CSV record: its fields and the 1-based line each field starts on. */
export interface CsvRecord {
  fields: string[];
  lines: number[];
}

const QUOTE = 34, CR = 13, LF = 10;

/**
 * Splits text into records following RFC 4180: fields separated by `delimiter`, records by
 * CRLF, LF or CR; a field in double quotes may hold delimiters, line breaks and doubled quotes
 * (""). Lines that are entirely empty are skipped. A quote inside an unquoted field, text after a
 * closing quote, or a quote left open are errors, never guessed at.
 */
export function tokenizeCsv(text: string, delimiter: string, source?: string): CsvRecord[] {
  const delim = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 byte order mark is not data
  let line = 1;
  const n = text.length;
  let fields: string[] = [], lines: number[] = [];
  let quotedBlank = false; // whether the record's only field was quoted ("" is a value, not a blank line)

  const endRecord = (): void => {
    const blank = fields.length === 1 && fields[0] === "" && !quotedBlank;
    if (!blank) records.push({ fields, lines });
    fields = [];
    lines = [];
  };

  while (i <= n) {
    const startLine = line;
    const column = fields.length + 1;
    let value: string;
    quotedBlank = false;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let j = i + 1, out = "";
      for (;;) {
        if (j >= n) throw new CsvError({ line: startLine, column, source }, "a quoted field is never closed (missing \")");
        const c = text.charCodeAt(j);
        if (c === QUOTE) {
          if (text.charCodeAt(j + 1) === QUOTE) {
            out += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) line++;
        out += text[j];
        j++;
      }
      if (j < n) {
        const c = text.charCodeAt(j);
        if (c !== delim && c !== CR && c !== LF) {
          throw new CsvError({ line, column, source }, `unexpected ${JSON.stringify(text[j])} after a closing quote (a field must be quoted whole)`);
        }
      }
      value = out;
      quotedBlank = true;
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        if (c === QUOTE) {
          throw new CsvError({ line, column, source }, 'a quote inside an unquoted field: quote the whole field and double the quotes inside it ("")');
        }
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    lines.push(startLine);
    if (i >= n) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      if (i === n) {
        // A trailing delimiter ends the text with one more, empty, field.
        fields.push("");
        lines.push(line);
        endRecord();
        break;
      }
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRecord();
    if (i === n) break;
  }
  return records;
}

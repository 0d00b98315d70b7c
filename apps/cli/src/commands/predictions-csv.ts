/**
 * One field of predict's CSV output, as RFC 4180 writes it: quoted when it holds a comma, a quote
 * or a line break (quotes inside doubled). A text a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading single quote first, as OWASP's CSV
 * injection advice says; numbers such as -1.5 are left as numbers.
 */
export function csvField(value: string): string {
  const neutral = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A CSV record of fields, each written by csvField. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

// The one way nn reads a number written as text (CLI flags, CSV cells): an optional sign, decimal
// digits with an optional fraction, and an optional exponent (`0.1`, `.5`, `-2`, `1e-3`, `2E+6`).
// JavaScript's Number() also takes `0x10`, `0b11`, `0o7`, `Infinity`, blanks around the digits and
// reads "" as 0: none of that is how people write data or a learning rate, so it is refused.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether `text` is written as a plain decimal number (it may still overflow to ±Infinity). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** The value of a plain decimal, or undefined when `text` is not one or overflows float64. */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

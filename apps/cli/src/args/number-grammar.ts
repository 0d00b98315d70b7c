/**
 * The one way every numeric flag is written: an optional sign, decimal digits with an optional
 * fraction, and an optional exponent (`0.1`, `.5`, `-2`, `1e-3`, `2E+6`). JavaScript's `Number`
 * would also take `0x10`, `0b11`, `0o7`, `Infinity` and surrounding blanks, and reads `""` as 0:
 * none of that is how people write a learning rate, so a CLI that accepts it hides typos.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The value of `raw` under the grammar, or undefined when it is not written that way (or overflows). */
export function readDecimal(raw: string): number | undefined {
  if (!DECIMAL.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

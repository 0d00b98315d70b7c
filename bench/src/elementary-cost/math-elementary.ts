/**
 * The bench's stand-in for @nn/tensor's `math/index.ts`: the same names, answered by the engine's
 * Math. The `elementary-math` bundle (tsup.config.ts) is built with this file in place of the
 * library's own functions, so timing it against the `elementary-own` bundle shows what the
 * same-bits guarantee costs. Used nowhere else.
 */
export const exp = Math.exp;
export const expm1 = Math.expm1;
export const log = Math.log;
export const log1p = Math.log1p;
export const log10 = Math.log10;
export const tanh = Math.tanh;
export const sin = Math.sin;
export const cos = Math.cos;
export const pow = Math.pow;

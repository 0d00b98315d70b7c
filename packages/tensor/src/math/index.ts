/**
 * Elementary functions built only from operations IEEE 754 rounds exactly (+, −, ×, ÷, sqrt,
 * floor, bit manipulation), so every JavaScript engine returns the same bits — unlike Math.exp
 * and friends, whose last bits differ between engines and versions. Measured errors are in the
 * package README ("Reproducibility").
 */
export { exp, expm1 } from "./exp.js";
export { log, log10, log1p } from "./log.js";
export { tanh } from "./tanh.js";
export { sin, cos } from "./trig.js";
export { pow } from "./pow.js";

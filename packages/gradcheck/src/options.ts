import { checkOptions, optionKeys } from "@nn/tensor";
import type { GradcheckOptions, Mode } from "./types.js";

const GRADCHECK_OPTIONS = optionKeys<GradcheckOptions>()("step", "atol", "rtol", "seed", "maxCoordinates", "mode", "checkInput");

export interface ResolvedOptions {
  step: number;
  atol: number;
  rtol: number;
  seed: number;
  maxCoordinates: number;
  mode: Mode;
  checkInput: boolean;
}

export const DEFAULT_STEP = 1e-6;
export const DEFAULT_ATOL = 1e-8;
export const DEFAULT_RTOL = 1e-6;
export const DEFAULT_MAX_COORDINATES = 1000;

function rangeError(op: string, option: string, allowed: string, got: unknown): RangeError {
  return new RangeError(`${op}: options.${option} must be ${allowed}, got ${String(got)}`);
}

/** Fills in defaults and refuses values that would make the check meaningless. */
export function resolveOptions(op: string, opts: GradcheckOptions = {}): ResolvedOptions {
  checkOptions(op, opts, GRADCHECK_OPTIONS);
  const step = opts.step ?? DEFAULT_STEP;
  if (!(Number.isFinite(step) && step > 0 && step < 1)) throw rangeError(op, "step", "a number in (0, 1)", step);
  const atol = opts.atol ?? DEFAULT_ATOL;
  if (!(Number.isFinite(atol) && atol >= 0)) throw rangeError(op, "atol", "a finite number ≥ 0", atol);
  const rtol = opts.rtol ?? DEFAULT_RTOL;
  if (!(Number.isFinite(rtol) && rtol >= 0)) throw rangeError(op, "rtol", "a finite number ≥ 0", rtol);
  const seed = opts.seed ?? 0;
  if (!(Number.isSafeInteger(seed) && seed >= 0)) throw rangeError(op, "seed", "a non-negative safe integer", seed);
  const maxCoordinates = opts.maxCoordinates ?? DEFAULT_MAX_COORDINATES;
  if (!(maxCoordinates === Infinity || (Number.isSafeInteger(maxCoordinates) && maxCoordinates >= 1))) {
    throw rangeError(op, "maxCoordinates", "an integer ≥ 1 or Infinity", maxCoordinates);
  }
  const mode = opts.mode ?? "train";
  if (mode !== "train" && mode !== "eval") throw rangeError(op, "mode", "'train' or 'eval'", JSON.stringify(mode));
  const checkInput = opts.checkInput ?? true;
  return { step, atol, rtol, seed, maxCoordinates, mode, checkInput };
}

// Hyperparameter validation. Messages follow one shape so a user can find the option at once:
// `Adam: betas[0] must be in [0, 1), got 1`.

/** Refuses anything but a finite number ≥ 0 (learning rates, eps, weight decay, momentum). */
export function checkNonNegative(owner: string, option: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${owner}: ${option} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Refuses anything outside the half-open interval [0, 1) (betas, dampening-like coefficients). */
export function checkUnitInterval(owner: string, option: string, value: number): number {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) {
    throw new RangeError(`${owner}: ${option} must be in [0, 1), got ${String(value)}`);
  }
  return value;
}

/** Refuses anything outside the closed interval [0, 1]. */
export function checkClosedUnitInterval(owner: string, option: string, value: number): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${owner}: ${option} must be in [0, 1], got ${String(value)}`);
  }
  return value;
}

/** Refuses anything but an integer ≥ `min` (step counts, patience). */
export function checkInteger(owner: string, option: string, value: number, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${owner}: ${option} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

export function checkBoolean(owner: string, option: string, value: boolean): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(`${owner}: ${option} must be true or false, got ${String(value)}`);
  }
  return value;
}

import type { StandardScaler } from "@nn/datasets";
import type { Sequential } from "@nn/layers";
import { formatShape, type Tensor } from "@nn/tensor";
import { UsageError } from "../args/usage-error.js";

/**
 * The smallest normal float32, 2⁻¹²⁶. A saved scale below it cannot come from standardising
 * float32 features, and dividing by it throws inputs towards Infinity (issue 19 item 10).
 */
const SMALLEST_SCALE = 2 ** -126;

/** Refuses a model whose weights, buffers or saved scaler hold a value no prediction survives, naming it. */
export function checkModelValues(command: string, path: string, model: Sequential, scaler: StandardScaler | undefined): void {
  for (const { name, value } of [...model.parameters(), ...model.buffers()]) {
    const i = firstNonFinite(value.data);
    if (i >= 0) {
      throw new UsageError(
        `nn ${command}: ${path}: parameter ${name} ${formatShape(value.shape)} holds ${value.data[i]} at index ${i}: the run that saved it diverged or the file is corrupt; retrain it`,
      );
    }
  }
  if (scaler === undefined) return;
  const { mean, scale } = scaler.toJSON();
  mean.forEach((m, j) => {
    if (!Number.isFinite(m)) throw new UsageError(`nn ${command}: ${path}: metadata.inputScaler.mean[${j}] is ${m}; the saved input scaling is corrupt`);
  });
  scale.forEach((s, j) => {
    if (!(s >= SMALLEST_SCALE) || !Number.isFinite(s)) {
      throw new UsageError(
        `nn ${command}: ${path}: metadata.inputScaler.scale[${j}] is ${s}, which would turn inputs into Infinity or NaN (a scale must be a finite number ≥ 2^-126); the saved input scaling is corrupt`,
      );
    }
  });
}

/** Refuses scaled inputs that left the finite numbers, naming the row's line and the column. */
export function checkScaledInputs(command: string, path: string, raw: Tensor, scaled: Tensor, lines: readonly number[], names: readonly string[]): void {
  const i = firstNonFinite(scaled.data);
  if (i < 0) return;
  const width = scaled.shape[1], row = Math.floor(i / width), col = i % width;
  throw new UsageError(
    `nn ${command}: ${path} line ${lines[row]}, column ${col + 1} ("${names[col]}"): ${Number(raw.data[i].toPrecision(8))} becomes ${scaled.data[i]} after the model's saved input scaling; it is far outside the range the model was trained on`,
  );
}

/** Refuses a prediction that is not a number, naming the input row (never prints NaN with exit 0). */
export function checkOutputs(command: string, path: string, out: Tensor, lines: readonly number[]): void {
  const i = firstNonFinite(out.data);
  if (i < 0) return;
  const units = out.size / out.shape[0];
  throw new UsageError(
    `nn ${command}: ${path} line ${lines[Math.floor(i / units)]}: the model's output is ${out.data[i]}; an input this far from the training data overflows the network`,
  );
}

function firstNonFinite(d: ArrayLike<number>): number {
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return i;
  return -1;
}

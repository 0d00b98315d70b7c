import { type DType, optionKeys } from "@nn/tensor";
import type { Dataset } from "../dataset.js";

/** Where a shipped data set comes from and under which terms. */
export interface DatasetInfo {
  readonly name: string;
  /** One line: what the rows and columns are. */
  readonly description: string;
  /** The work to cite. */
  readonly citation: string;
  /** The UCI Machine Learning Repository record, with its DOI. */
  readonly source: string;
  readonly license: string;
  /** What differs from the source, if anything, and why. */
  readonly notes: string;
}

/** A shipped data set: rows and class indices in scikit-learn's order, with its provenance. */
export interface ShippedDataset extends Dataset {
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  readonly info: DatasetInfo;
}

export interface LoadOptions {
  /** dtype of x and y (default float32). float64 holds the published decimals as parsing them would. */
  dtype?: DType;
}

/** Class indices from a string of digits, one per row. */
export const LOAD_OPTIONS = optionKeys<LoadOptions>()("dtype");

export function labelsFromDigits(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) - 48;
  return out;
}

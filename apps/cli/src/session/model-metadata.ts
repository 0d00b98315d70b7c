import type { JsonObject, JsonValue } from "@nn/layers";
import { isIdentityFeatures } from "@nn/studio";
import type { TrainOptions } from "../args/train-options.js";
import type { BuiltRun } from "./build-run.js";

/**
 * What a saved model carries besides its weights, so `nn predict` can use it on raw inputs:
 * the input scaling, class and feature names, the data set and every training option.
 */
export interface SavedModelMetadata {
  readonly tool: "nn";
  readonly inputFeatures: number;
  /** StandardScaler.toJSON() of the training split, or null when inputs were fed raw. */
  readonly inputScaler: JsonValue;
  readonly classNames: readonly string[];
  readonly featureNames: readonly string[];
  readonly dataset: string;
  readonly options: JsonValue;
  readonly seed: number;
  readonly trainedEpochs: number;
  /** With --features: the inputs the model takes, computed from the file's two columns x1, x2 (nn predict does it). */
  readonly derivedInputs?: readonly string[];
}

export function modelMetadata(run: BuiltRun, options: TrainOptions, seed: number, trainedEpochs: number): JsonObject {
  const features = run.inputFeatures;
  const derived = !isIdentityFeatures(options.features);
  const metadata: SavedModelMetadata = {
    tool: "nn",
    inputFeatures: features,
    inputScaler: run.scaler === undefined ? null : toJsonValue(run.scaler.toJSON()),
    classNames: run.raw.classNames ? [...run.raw.classNames] : Array.from({ length: Math.max(2, run.raw.numClasses) }, (_, k) => String(k)),
    featureNames: derived ? [...run.inputNames] : run.raw.featureNames ? [...run.raw.featureNames] : Array.from({ length: features }, (_, j) => `x${j}`),
    dataset: run.dataName,
    options: toJsonValue(options),
    seed,
    trainedEpochs,
    ...(derived ? { derivedInputs: [...options.features] } : {}),
  };
  return toJsonValue(metadata) as JsonObject;
}

/** Plain JSON data (drops undefined, turns typed arrays into arrays). */
function toJsonValue(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

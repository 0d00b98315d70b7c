import type { JsonObject, JsonValue } from "@nn/layers";
import type { BuiltRun } from "./build-run.js";
import { isIdentityFeatures, type FeatureName } from "./features.js";
import { checkSetting, DEFAULT_SETTING, formatValue, parseValue, SETTING_FIELDS, type Setting } from "./setting.js";

/**
 * What a saved model carries besides its weights, so `nn predict` (and the Playground's "load")
 * can use it on raw inputs: the input scaling, class and feature names, the data set and every
 * training option. The same fields whichever front end saved it.
 */
export interface SavedModelMetadata {
  readonly tool: "nn";
  readonly inputFeatures: number;
  /** "regression": one real-valued output, no classes (classNames is empty). Absent in older files: classification. */
  readonly problem?: "classification" | "regression";
  /** StandardScaler.toJSON() of the training split, or null when inputs were fed raw. */
  readonly inputScaler: JsonValue;
  readonly classNames: readonly string[];
  readonly featureNames: readonly string[];
  readonly dataset: string;
  /** The training options: `nn train`'s (the setting with the data as a source, see settingFromSavedModel). */
  readonly options: JsonValue;
  readonly seed: number;
  readonly trainedEpochs: number;
  /** With derived inputs: the features the model takes, computed from the file's two columns x1, x2 (nn predict does it). */
  readonly derivedInputs?: readonly string[];
}

export interface SavedRunFacts {
  /** The data set's name (a built-in set) or the CSV file's path. */
  readonly dataName: string;
  readonly features: readonly FeatureName[];
  /** Stored as `options` (plain JSON data). */
  readonly options: unknown;
  readonly seed: number;
  readonly trainedEpochs: number;
}

/** The metadata a trained run's model is saved with (`model.toJSON(metadata)`). */
export function savedModelMetadata(run: BuiltRun, facts: SavedRunFacts): JsonObject {
  const inputs = run.inputFeatures;
  const derived = !isIdentityFeatures(facts.features);
  const metadata: SavedModelMetadata = {
    tool: "nn",
    inputFeatures: inputs,
    problem: run.regression ? "regression" : "classification",
    inputScaler: run.scaler === undefined ? null : toJsonValue(run.scaler.toJSON()),
    classNames: run.regression ? [] : run.raw.classNames ? [...run.raw.classNames] : Array.from({ length: Math.max(2, run.raw.numClasses) }, (_, k) => String(k)),
    featureNames: derived ? [...run.inputNames] : run.raw.featureNames ? [...run.raw.featureNames] : Array.from({ length: inputs }, (_, j) => `x${j}`),
    dataset: facts.dataName,
    options: toJsonValue(facts.options),
    seed: facts.seed,
    trainedEpochs: facts.trainedEpochs,
    ...(derived ? { derivedInputs: [...facts.features] } : {}),
  };
  return toJsonValue(metadata) as JsonObject;
}

/**
 * `nn train`'s options for a setting on a built-in set: the setting with the data as a source,
 * as `nn train --save` stores them, so a file saved by either front end reads the same.
 */
export function trainOptionsOfSetting(setting: Setting): JsonObject {
  const { data, samples, noise, classes, ...rest } = setting;
  return toJsonValue({ ...rest, data: { kind: "builtin", name: data, samples, noise, ...(classes > 0 ? { classes } : {}) } }) as JsonObject;
}

/**
 * The setting a saved model was trained with, from its metadata (`options` as `nn train` or the
 * Playground wrote them). Each entry is read with the setting table's own parser, so a bad one is
 * named; entries the file lacks take their defaults. A model trained on a CSV file is refused.
 */
export function settingFromSavedModel(metadata: unknown, file = "the model file"): Setting {
  const options = isObject(metadata) ? metadata.options : undefined;
  if (!isObject(options)) throw new RangeError(`${file} has no training setting (metadata.options): it was not saved by nn train or the Playground`);
  const data = options.data;
  const source: Record<string, unknown> = typeof data === "string" ? { data, samples: options.samples, noise: options.noise, classes: options.classes }
    : isObject(data) && data.kind === "builtin" ? { data: data.name, samples: data.samples, noise: data.noise, classes: data.classes }
    : isObject(data) && data.kind === "csv" ? refuse(`${file} was trained on the CSV file ${String(data.path)}; only built-in data sets can be loaded here`)
    : refuse(`${file}: metadata.options.data must name a data set, got ${JSON.stringify(data)}`);
  const entries: Record<string, unknown> = { ...options, ...source };
  const setting: Record<string, unknown> = { ...DEFAULT_SETTING };
  for (const field of SETTING_FIELDS) {
    const value = entries[field.key];
    if (value === undefined) continue;
    try {
      setting[field.key] = parseValue(field, formatValue(field, value as Setting[keyof Setting]));
    } catch (error) {
      throw new RangeError(`${file}: metadata.options.${field.key}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return checkSetting(setting as unknown as Setting);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refuse(message: string): never {
  throw new RangeError(message);
}

/** Plain JSON data (drops undefined, turns typed arrays into arrays). */
function toJsonValue(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

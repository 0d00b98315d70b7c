import { StandardScaler, type StandardScalerJSON } from "@nn/datasets";
import { type JsonObject, LayerInputError, type Sequential } from "@nn/layers";
import { loadModel } from "@nn/layers/node";
import { expandFeatures, FEATURES, type FeatureName } from "@nn/studio";
import type { Tensor } from "@nn/tensor";
import { UsageError } from "../args/usage-error.js";
import { firstLine } from "../session/load-data.js";

/** A saved model with what `nn train` stored beside it (see session/model-metadata.ts). */
export interface LoadedModel {
  readonly model: Sequential;
  readonly inputFeatures: number;
  readonly outputUnits: number;
  readonly scaler: StandardScaler | undefined;
  /** Empty for a regression model. */
  readonly classNames: readonly string[];
  /** One real-valued output (metadata.problem "regression"): predictions are values, not classes. */
  readonly regression: boolean;
  readonly featureNames: readonly string[];
  /** Columns an input file has: the model's inputs, or x1, x2 when it takes features computed from them (--features). */
  readonly rawInputs: number;
  readonly rawFeatureNames: readonly string[];
  /** Raw rows → the model's inputs (before scaling). */
  readonly toModelInputs: (x: Tensor) => Tensor;
  readonly metadata: JsonObject;
}

/** Loads a model file; a missing, unreadable or corrupt file is a usage error naming the file. */
export async function readModelFile(command: string, path: string): Promise<LoadedModel> {
  let model: Sequential;
  try {
    model = await loadModel(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") throw new UsageError(`nn ${command}: model file ${path} does not exist`);
    if (code === "EISDIR") throw new UsageError(`nn ${command}: model file ${path} is a directory`);
    throw new UsageError(`nn ${command}: ${path} is not a usable model file: ${firstLine(error)}`);
  }
  const metadata: JsonObject = model.metadata ?? {};
  const first = model.parameters()[0];
  const inputFeatures =
    typeof metadata.inputFeatures === "number" ? metadata.inputFeatures : first !== undefined ? first.value.shape[0] : Number.NaN;
  if (!Number.isInteger(inputFeatures)) throw new UsageError(`nn ${command}: ${path} does not say how many inputs the model takes`);
  const outputUnits = outputUnitsFor(command, path, model, inputFeatures);
  let scaler: StandardScaler | undefined;
  if (metadata.inputScaler !== undefined && metadata.inputScaler !== null) {
    try {
      scaler = StandardScaler.fromJSON(metadata.inputScaler as unknown as StandardScalerJSON);
    } catch (error) {
      throw new UsageError(`nn ${command}: ${path} has a corrupt metadata.inputScaler: ${firstLine(error)}`);
    }
  }
  const regression = metadata.problem === "regression";
  if (regression && outputUnits !== 1) throw new UsageError(`nn ${command}: ${path} says it is a regression model, but it has ${outputUnits} outputs (regression has one)`);
  const classCount = regression ? 0 : outputUnits === 1 ? 2 : outputUnits;
  const classNames = stringArray(metadata.classNames, classCount) ?? Array.from({ length: classCount }, (_, k) => String(k));
  const featureNames = stringArray(metadata.featureNames, inputFeatures) ?? Array.from({ length: inputFeatures }, (_, j) => `x${j}`);
  const derived = metadata.derivedInputs;
  if (Array.isArray(derived)) {
    const names = derived.filter((n): n is FeatureName => FEATURES.some((f) => f.name === n));
    if (names.length !== derived.length || names.length !== inputFeatures) {
      throw new UsageError(`nn ${command}: ${path} has a corrupt metadata.derivedInputs (expected ${inputFeatures} of ${FEATURES.map((f) => f.name).join(", ")})`);
    }
    return { model, inputFeatures, outputUnits, scaler, classNames, featureNames, rawInputs: 2, rawFeatureNames: ["x1", "x2"], toModelInputs: (x) => expandFeatures(x, names), metadata, regression };
  }
  return { model, inputFeatures, outputUnits, scaler, classNames, featureNames, rawInputs: inputFeatures, rawFeatureNames: featureNames, toModelInputs: (x) => x, metadata, regression };
}

/** The model's output width for the declared input width; a disagreement names the file and both fields. */
function outputUnitsFor(command: string, path: string, model: Sequential, inputFeatures: number): number {
  try {
    return model.outputFeatures(inputFeatures) ?? 1;
  } catch (error) {
    if (!(error instanceof LayerInputError)) throw error;
    throw new UsageError(
      `nn ${command}: ${path}: metadata.inputFeatures is ${inputFeatures}, but the model's ${error.path === "" ? "first layer" : error.path} ${error.layer} does not take it (${error.detail})`,
    );
  }
}

function stringArray(value: unknown, length: number): string[] | undefined {
  return Array.isArray(value) && value.length === length && value.every((v) => typeof v === "string") ? (value) : undefined;
}

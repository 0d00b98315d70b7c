import type { Sequential as SequentialType } from "../containers/sequential.js";
import { ModelFileError } from "../errors.js";
import type { JsonObject, LayerSpec } from "../json.js";
import { type EncodedTensor, encodeTensor } from "@nn/tensor";
import { decodeTensorInto } from "./tensor-codec.js";
import { describeValue, isPlainObject, readObject } from "./fields.js";
import { layersFromJSON, resolveLayerSpec, sequentialFromLayers } from "./registry.js";
import { checkPlannedWeights, planWeights } from "./weight-plan.js";

export const MODEL_FORMAT = "nn-model";
export const MODEL_FORMAT_VERSION = 1;

/**
 * A saved model: the architecture as a list of layer specs and the weights as a flat state dict
 * (`"layers.0.weight" → tensor`, parameters and buffers alike), plus optional metadata.
 */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_FORMAT_VERSION;
  layers: LayerSpec[];
  weights: Record<string, EncodedTensor>;
  metadata?: JsonObject;
}

/** `metadata` is any JSON-compatible object (see JsonCompatible); it is stored as its JSON text reads back. */
export function writeModelFile(model: SequentialType, metadata: object | undefined): ModelFile {
  const weights: Record<string, EncodedTensor> = {};
  for (const p of model.parameters()) weights[p.name] = encodeTensor(p.value);
  for (const b of model.buffers()) weights[b.name] = encodeTensor(b.value);
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    layers: model.layers.map((l) => { const s = l.toSpec(); return { type: s.type, config: s.config }; }),
    weights,
  };
  if (metadata !== undefined) file.metadata = JSON.parse(JSON.stringify(metadata)) as JsonObject;
  return file;
}

function parseText(json: unknown): unknown {
  if (typeof json !== "string") return json;
  try {
    return JSON.parse(json);
  } catch (e) {
    throw new ModelFileError("", `is not valid JSON (${(e as Error).message}); the file may be truncated or not a model file`);
  }
}

export function readModelFile(json: unknown): SequentialType {
  const file = readObject(parseText(json), "(top level)");
  if (file.format !== MODEL_FORMAT) throw new ModelFileError("format", `must be ${JSON.stringify(MODEL_FORMAT)}, got ${describeValue(file.format)}`);
  const version = file.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ModelFileError("version", `must be a positive integer, got ${describeValue(version)}`);
  }
  if (version > MODEL_FORMAT_VERSION) {
    throw new ModelFileError("version", `is ${version}, newer than this @nn/layers reads (${MODEL_FORMAT_VERSION}); upgrade @nn/layers to load it`);
  }
  // Every size the architecture declares is checked against the weights present before any layer
  // is built: a small file claiming a huge layer fails here instead of allocating it.
  const plan = planWeights(file.layers, "layers", resolveLayerSpec);
  const weights = readObject(file.weights, "weights");
  checkPlannedWeights(plan, weights);
  const model = sequentialFromLayers(layersFromJSON(file.layers, "layers"));
  const expected = new Set<string>();
  for (const entry of [...model.parameters(), ...model.buffers()]) {
    expected.add(entry.name);
    const path = `weights[${JSON.stringify(entry.name)}]`;
    if (!Object.hasOwn(weights, entry.name)) throw new ModelFileError(path, "is missing");
    decodeTensorInto(weights[entry.name], path, entry.value);
  }
  for (const key of Object.keys(weights)) {
    if (!expected.has(key)) throw new ModelFileError(`weights[${JSON.stringify(key)}]`, "is not a parameter or buffer of this architecture (wrong weight count)");
  }
  if (file.metadata !== undefined) {
    if (!isPlainObject(file.metadata)) throw new ModelFileError("metadata", `must be an object, got ${describeValue(file.metadata)}`);
    model.metadata = file.metadata;
  }
  return model;
}

import { type Tensor, formatShape, transpose, zeros, checkOptions, optionKeys, readTensorBytes } from "@nn/tensor";
import type { Sequential } from "../containers/sequential.js";
import { ModelFileError } from "../errors.js";
import type { JsonObject } from "../json.js";
import { describeValue, isPlainObject, readObject } from "../serialize/fields.js";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "../serialize/model-file.js";
import { layersFromJSON, resolveLayerSpec, sequentialFromLayers } from "../serialize/registry.js";
import { planWeights } from "../serialize/weight-plan.js";
import { ARCHITECTURE_KEY, MODEL_METADATA_KEY, NAMING_KEY } from "./architecture-metadata.js";
import { type BridgedTensor, type SafetensorsNaming, fileDType } from "./bridged-tensors.js";
import { SafetensorsError } from "./safetensors-error.js";
import { type SafetensorsContents, type SafetensorsTensor, decodeSafetensors } from "./safetensors-format.js";
import { STANDARDIZE_MEAN, STANDARDIZE_STD, readStandardize } from "./standardize.js";
import { bridgedTensors } from "./to-safetensors.js";

export interface LoadSafetensorsOptions {
  /** The naming the file uses: `pytorch` (a `torch.nn.Sequential`'s state dict) or `nn`. */
  naming: SafetensorsNaming;
}

export interface LoadedSafetensors {
  /** The header's `__metadata__`. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The input standardisation, when the PyTorch-named file has it as module 0 (`0.mean`, `0.std`). */
  readonly standardize: { mean: number[]; std: number[] } | undefined;
}

/**
 * Loads a safetensors file's weights into `model`, a model of the same architecture. Every tensor
 * the model has must be in the file under its name with its dtype and shape, and the file may hold
 * nothing else; anything wrong is refused naming the tensor, before any weight of the model changes.
 * With `pytorch` naming a file that starts with the input standardisation (`0.mean`, `0.std`, as
 * `toSafetensors(…, { standardize })` and the generated module write it) has it read and returned.
 */
const LOAD_SAFETENSORS_OPTIONS = optionKeys<LoadSafetensorsOptions>()("naming");

export function loadSafetensors(model: Sequential, bytes: Uint8Array, options: LoadSafetensorsOptions): LoadedSafetensors {
  checkOptions("loadSafetensors", options, LOAD_SAFETENSORS_OPTIONS);
  const naming = options?.naming;
  if (naming !== "pytorch" && naming !== "nn") throw new SafetensorsError("", `loadSafetensors: naming must be "pytorch" or "nn", got ${JSON.stringify(naming)}`);
  const contents = decodeSafetensors(bytes);
  const withStandardize = naming === "pytorch" && (contents.tensors.has(STANDARDIZE_MEAN) || contents.tensors.has(STANDARDIZE_STD));
  const expected = bridgedTensors(model, naming, withStandardize);
  const known = new Set(expected.map((t) => t.name));
  const features = expected.length > 0 && expected[0].layout === "transposed" ? expected[0].value.shape[0] : undefined;
  const standardize = withStandardize
    ? readStandardize(contents.tensors.get(STANDARDIZE_MEAN), contents.tensors.get(STANDARDIZE_STD), features)
    : undefined;
  if (withStandardize) known.add(STANDARDIZE_MEAN).add(STANDARDIZE_STD);
  for (const name of contents.tensors.keys()) {
    if (!known.has(name)) throw new SafetensorsError(name, `is not a tensor of this model (${naming} naming; the model's are ${summarizeNames([...known])})`);
  }
  const sources = expected.map((t) => checkTensor(t, contents));
  expected.forEach((t, i) => copyInto(t, sources[i]));
  return { metadata: contents.metadata, standardize };
}

function summarizeNames(names: string[]): string {
  return names.length <= 8 ? names.join(", ") : `${names.slice(0, 8).join(", ")}, … (${names.length} in all)`;
}

function checkTensor(t: BridgedTensor, contents: SafetensorsContents): SafetensorsTensor {
  const found = contents.tensors.get(t.name);
  if (found === undefined) throw new SafetensorsError(t.name, `is missing (the model's ${t.owner})`);
  if (found.dtype !== t.dtype) {
    const hint = t.dtype === "I64" ? "" : ` (cast the model with model.cast("${found.dtype === "F64" ? "float64" : "float32"}"), or the tensors in PyTorch)`;
    throw new SafetensorsError(t.name, `is ${found.dtype} but the model's ${t.owner} is ${t.dtype}${hint}`);
  }
  const same = found.shape.length === t.shape.length && found.shape.every((d, i) => d === t.shape[i]);
  if (!same) {
    const layout = t.layout === "transposed" ? ", in PyTorch's [out, in] layout" : "";
    throw new SafetensorsError(t.name, `has shape ${formatShape(found.shape)} but the model's ${t.owner} needs ${formatShape(t.shape)}${layout}`);
  }
  if (found.dtype === "I64") readCount(t, found);
  return found;
}

/** An int64 counter as a number the model's float tensor holds exactly. */
function readCount(t: BridgedTensor, found: SafetensorsTensor): number {
  const view = new DataView(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength);
  const big = view.getBigInt64(0, true);
  const n = Number(big);
  const exact = t.value.dtype === "float32" ? Math.fround(n) === n : Number.isSafeInteger(n);
  if (big < 0n || BigInt(n) !== big || !exact) throw new SafetensorsError(t.name, `holds ${big}, which the model's ${t.value.dtype} ${t.owner} cannot hold exactly`);
  return n;
}

function copyInto(t: BridgedTensor, found: SafetensorsTensor): void {
  const view = new DataView(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength);
  if (found.dtype === "I64") {
    t.value.data[0] = readCount(t, found);
    return;
  }
  if (t.layout === "same") {
    readTensorBytes(view, 0, t.value.data);
    return;
  }
  const stored: Tensor = zeros(t.shape, t.value.dtype);
  readTensorBytes(view, 0, stored.data);
  t.value.data.set(transpose(stored).data);
}

/**
 * Rebuilds a model from a safetensors file written with nn naming: the architecture from
 * `__metadata__["nn.architecture"]`, every size it declares checked against the file's tensors
 * before any layer is built, then the weights, and the model's metadata from `nn.metadata`.
 */
export function modelFromSafetensors(bytes: Uint8Array): Sequential {
  const contents = decodeSafetensors(bytes);
  const naming = contents.metadata[NAMING_KEY];
  const text = contents.metadata[ARCHITECTURE_KEY];
  if (text === undefined) {
    throw new SafetensorsError("", `__metadata__ has no ${JSON.stringify(ARCHITECTURE_KEY)}: the file was not written by nn; load it into a model of its architecture with loadSafetensors`);
  }
  if (naming !== "nn") {
    throw new SafetensorsError("", `the file uses ${JSON.stringify(naming)} naming; modelFromSafetensors reads nn naming (build the model from its architecture and use loadSafetensors with naming "pytorch")`);
  }
  let architecture: JsonObject;
  try {
    architecture = readObject(JSON.parse(text), "(architecture)");
  } catch (error) {
    throw new SafetensorsError("", `__metadata__[${JSON.stringify(ARCHITECTURE_KEY)}] is not a model architecture: ${(error as Error).message}`);
  }
  if (architecture.format !== MODEL_FORMAT || architecture.version !== MODEL_FORMAT_VERSION) {
    throw new SafetensorsError("", `__metadata__[${JSON.stringify(ARCHITECTURE_KEY)}] is format ${describeValue(architecture.format)} version ${describeValue(architecture.version)}; this @nn/layers reads ${MODEL_FORMAT} version ${MODEL_FORMAT_VERSION}`);
  }
  // As for model files: a header claiming a huge layer is refused here, against the bytes present.
  const plan = inArchitecture(() => planWeights(architecture.layers, "layers", resolveLayerSpec));
  for (const [name, w] of plan.declared) {
    const found = contents.tensors.get(name);
    const dtype = fileDType(w.dtype);
    if (found === undefined) throw new SafetensorsError(name, "is missing (the architecture in the header declares it)");
    if (found.dtype !== dtype || found.shape.length !== w.shape.length || found.shape.some((d, i) => d !== w.shape[i])) {
      throw new SafetensorsError(name, `is ${found.dtype} ${formatShape(found.shape)} but the architecture declares ${dtype} ${formatShape(w.shape)}`);
    }
  }
  const model = inArchitecture(() => sequentialFromLayers(layersFromJSON(architecture.layers, "layers")));
  loadSafetensors(model, bytes, { naming: "nn" });
  const metadata = contents.metadata[MODEL_METADATA_KEY];
  if (metadata !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(metadata);
    } catch {
      parsed = undefined;
    }
    if (!isPlainObject(parsed)) throw new SafetensorsError("", `__metadata__[${JSON.stringify(MODEL_METADATA_KEY)}] must be a JSON object`);
    model.metadata = parsed;
  }
  return model;
}

/** A problem in the architecture the header carries, reported as one of the file. */
function inArchitecture<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ModelFileError) throw new SafetensorsError("", `__metadata__[${JSON.stringify(ARCHITECTURE_KEY)}]: ${error.message.replace(/^model file: /, "")}`);
    throw error;
  }
}

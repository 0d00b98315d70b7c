import { transpose, checkOptions, optionKeys, writeTensorBytes } from "@nn/tensor";
import type { Sequential } from "../containers/sequential.js";
import { type BridgedTensor, type SafetensorsNaming, nnTensors, pytorchTensors } from "./bridged-tensors.js";
import { SafetensorsError } from "./safetensors-error.js";
import { type SafetensorsEntry, encodeSafetensors } from "./safetensors-format.js";
import { checkStandardize, type Standardize, standardizeEntries } from "./standardize.js";
import { architectureMetadata } from "./architecture-metadata.js";

export interface ToSafetensorsOptions {
  /** `pytorch`: the keys and layouts of the matching `torch.nn.Sequential`; `nn`: nn's own state dict. */
  naming: SafetensorsNaming;
  /**
   * With `pytorch` naming: the input standardisation (x − mean) / std as module 0 of the
   * Sequential (float64 buffers `0.mean`, `0.std`; the model's layers are then `1.`, `2.`, …), as
   * the module file `toPyTorchSource` writes with the same option builds it.
   */
  standardize?: Standardize;
}

function checkNaming(naming: unknown, where: string): SafetensorsNaming {
  if (naming !== "pytorch" && naming !== "nn") throw new SafetensorsError("", `${where}: naming must be "pytorch" or "nn", got ${JSON.stringify(naming)}`);
  return naming;
}

/** The tensors a file of this naming holds for `model`, standardisation first when there is one. */
export function bridgedTensors(model: Sequential, naming: SafetensorsNaming, withStandardize: boolean): BridgedTensor[] {
  if (naming === "nn") return nnTensors(model);
  return pytorchTensors(model, withStandardize ? 1 : 0);
}

/**
 * The model's weights as a safetensors file (Hugging Face's format: 8-byte little-endian header
 * length, JSON header, raw little-endian tensor bytes). The header's `__metadata__` carries the
 * architecture (`nn.architecture`) and the model's metadata (`nn.metadata`), so a file with nn
 * naming alone rebuilds the model (`modelFromSafetensors`). Float tensors are written bit for bit.
 */
const TO_SAFETENSORS_OPTIONS = optionKeys<ToSafetensorsOptions>()("naming", "standardize");

export function toSafetensors(model: Sequential, options: ToSafetensorsOptions): Uint8Array {
  checkOptions("toSafetensors", options, TO_SAFETENSORS_OPTIONS);
  const naming = checkNaming(options?.naming, "toSafetensors");
  if (options.standardize !== undefined && naming !== "pytorch") {
    throw new SafetensorsError("", 'toSafetensors: standardize needs naming "pytorch" (nn keeps the scaling in the model\'s metadata)');
  }
  const scaling = options.standardize === undefined ? undefined : checkStandardize(options.standardize, "toSafetensors");
  const entries: SafetensorsEntry[] = scaling === undefined ? [] : standardizeEntries(scaling);
  for (const t of bridgedTensors(model, naming, scaling !== undefined)) entries.push(entryOf(t));
  const metadata: Record<string, string> = { ...architectureMetadata(model), "nn.naming": naming };
  // Hugging Face's loaders look for format "pt" to know a file holds PyTorch tensors.
  if (naming === "pytorch") metadata.format = "pt";
  return encodeSafetensors(entries, metadata);
}

function entryOf(t: BridgedTensor): SafetensorsEntry {
  const { name, dtype, shape } = t;
  if (dtype === "I64") {
    const count = t.value.data[0];
    if (!(Number.isSafeInteger(count) && count >= 0)) throw new SafetensorsError(name, `holds ${count}, not a count that int64 can store`);
    return { name, dtype, shape, write: (view, offset) => view.setBigInt64(offset, BigInt(count), true) };
  }
  const source = t.layout === "transposed" ? transpose(t.value) : t.value;
  return { name, dtype, shape, write: (view, offset) => writeTensorBytes(source.data, view, offset) };
}

import type { Sequential } from "../containers/sequential.js";
import type { JsonObject } from "../json.js";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "../serialize/model-file.js";

/** `__metadata__` keys (strings to strings, as the format requires) under which nn keeps what it needs. */
export const ARCHITECTURE_KEY = "nn.architecture";
export const MODEL_METADATA_KEY = "nn.metadata";
export const NAMING_KEY = "nn.naming";

/**
 * The architecture as a model file without weights (`{ format, version, layers }`, the layer specs
 * of `toJSON()`), and the model's metadata, each as JSON text.
 */
export function architectureMetadata(model: Sequential): Record<string, string> {
  const layers = model.layers.map((l) => { const s = l.toSpec(); return { type: s.type, config: s.config }; });
  const out: Record<string, string> = { [ARCHITECTURE_KEY]: JSON.stringify({ format: MODEL_FORMAT, version: MODEL_FORMAT_VERSION, layers }) };
  if (model.metadata !== undefined) out[MODEL_METADATA_KEY] = JSON.stringify(model.metadata satisfies JsonObject);
  return out;
}

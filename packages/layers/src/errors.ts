/**
 * Wrong input reaching a layer. The message names the layer (its description, e.g. `Dense(64→32)`),
 * where it sits in the model when a container knows (`"layers.2"`), and what was expected and given:
 * `Dense(64→32) "layers.2": expected input [n, 64], got [16, 63]`.
 */
export class LayerInputError extends Error {
  override name = "LayerInputError";
  readonly layer: string;
  readonly detail: string;
  readonly path: string;

  constructor(layer: string, detail: string, path = "") {
    super(`${layer}${path === "" ? "" : ` "${path}"`}: ${detail}`);
    this.layer = layer;
    this.detail = detail;
    this.path = path;
  }

  /** The same error seen from a container that holds the failing layer under `key`. */
  within(key: string): LayerInputError {
    return new LayerInputError(this.layer, this.detail, this.path === "" ? key : `${key}.${this.path}`);
  }
}

/** A model file that cannot be loaded. The message names the field: `model file: layers[2].config.inFeatures ...`. */
export class ModelFileError extends Error {
  override name = "ModelFileError";
  readonly field: string;

  constructor(field: string, problem: string) {
    super(field === "" ? `model file: ${problem}` : `model file: ${field} ${problem}`);
    this.field = field;
  }
}

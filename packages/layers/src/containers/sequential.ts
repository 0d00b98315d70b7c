import { type DType, type NestedArray, Tensor, tensor } from "@nn/tensor";
import { LayerInputError, ModelFileError } from "../errors.js";
import { checkDType } from "../input-checks.js";
import type { JsonCompatible, JsonObject, LayerSpec, MetadataReader } from "../json.js";
import type { Layer, Mode } from "../layer.js";
import { LayerBase, absorbsNext, backwardShared, chainBackward, chainForward, forwardAbsorbing, forwardShared } from "../layer-base.js";
import { type NamedBuffer, type Parameter, PrefixedBuffer, PrefixedParameter, zeroGrad } from "../parameter.js";
import { type ModelFile, readModelFile, writeModelFile } from "../serialize/model-file.js";
import { type ModelSummary, formatSummary, summarize } from "../summary.js";

/**
 * The one dtype of the layers that hold parameters (undefined when none does). Layers without
 * parameters follow their input, so only these can disagree.
 */
function parameterDType(layers: readonly Layer[]): DType | undefined {
  let first: number | undefined;
  layers.forEach((layer, i) => {
    if (layer.dtype === undefined) return;
    if (first === undefined) {
      first = i;
      return;
    }
    const dtype = layers[first].dtype as DType;
    if (layer.dtype !== dtype) {
      throw new TypeError(
        `Sequential: layers[${i}] ${layer.describe()} holds ${layer.dtype} parameters but layers[${first}] ${layers[first].describe()} holds ${dtype}; ` +
          `build both in one dtype ({ dtype: "${dtype}" }), or convert the odd one out: layers[${i}].cast("${dtype}") returns a converted copy. ` +
          `A whole model converts with model = model.cast("float64") (a copy; the original is unchanged).`,
      );
    }
  });
  return first === undefined ? undefined : layers[first].dtype;
}

/** A built-in layer whose passes are not overridden, so fusing it with a neighbour skips nothing of the caller's. */
function isPlainBuiltIn(layer: Layer | undefined): layer is LayerBase {
  return layer instanceof LayerBase && layer.forward === LayerBase.prototype.forward && layer.backward === LayerBase.prototype.backward;
}

/**
 * Layers applied in order. Children's parameters are named `layers.<i>.<name>` (PyTorch's
 * state-dict keys); a child's input error is re-thrown with its position (`"layers.2"`).
 * Children pass their own reused buffers to each other; only the model's final result is copied
 * out to the caller (docs/design_notes.md, "Who owns a result").
 */
export class Sequential extends LayerBase {
  readonly typeName = "Sequential";
  readonly layers: readonly Layer[];
  /** The dtype of the model's parameters; undefined when no layer has any (the model follows its input). */
  readonly dtype: DType | undefined;
  /** Plain JSON stored with the model by `toJSON(metadata)` and restored by `fromJSON`. */
  metadata: JsonObject | undefined;
  private params: Parameter[] | undefined;
  /** absorbed[i + 1]: layers[i] computes layers[i + 1]'s forward in its own (a Dense with its ReLU). */
  private readonly absorbed: readonly boolean[];
  /** The first layer holding parameters (layers.length when none does): where backward to the parameters stops. */
  private readonly firstWithParameters: number;

  constructor(layers: readonly Layer[]) {
    super();
    const given: unknown = layers;
    if (!Array.isArray(given) || given.length === 0) throw new TypeError("Sequential: expected a non-empty array of layers");
    layers.forEach((layer, i) => {
      if (layer === null || typeof layer !== "object" || typeof layer.forward !== "function") {
        throw new TypeError(`Sequential: layers[${i}] is not a Layer`);
      }
    });
    this.dtype = parameterDType(layers);
    this.layers = Object.freeze(layers.slice());
    this.absorbed = this.layers.map((layer, i) => {
      const before = this.layers[i - 1];
      return i > 0 && isPlainBuiltIn(before) && isPlainBuiltIn(layer) && before[absorbsNext](layer);
    });
    const first = this.layers.findIndex((layer) => layer.parameters().length > 0);
    this.firstWithParameters = first === -1 ? this.layers.length : first;
  }

  [forwardShared](x: Tensor, mode: Mode): Tensor {
    checkDType(this, x);
    let h = x;
    const layers = this.layers;
    const absorbed = this.absorbed;
    for (let i = 0; i < layers.length; i++) {
      try {
        if (absorbed[i + 1] === true) {
          h = (layers[i] as LayerBase)[forwardAbsorbing](h, mode, layers[i + 1]);
          i++;
        } else {
          h = chainForward(layers[i], h, mode);
        }
      } catch (e) {
        throw e instanceof LayerInputError ? e.within(`layers.${i}`) : e;
      }
    }
    return h;
  }

  // docs/math_derivations.md §2: the chain rule, applied layer by layer from the output back.
  // Without an input gradient, layers before the first parameter are not visited and that layer
  // is told it need not compute its own dL/dx.
  [backwardShared](dy: Tensor, inputGradient = true): Tensor {
    let g = dy;
    const layers = this.layers;
    const last = inputGradient ? 0 : this.firstWithParameters;
    for (let i = layers.length - 1; i >= last; i--) {
      try {
        g = chainBackward(layers[i], g, inputGradient || i > last);
      } catch (e) {
        throw e instanceof LayerInputError ? e.within(`layers.${i}`) : e;
      }
    }
    return g;
  }

  /**
   * The model's output in eval mode (Dropout off, BatchNorm on its running statistics), as a new
   * tensor. `x` is a Tensor or nested arrays of numbers ([[5.1, 3.5, 1.4, 0.2]]), read in the
   * model's dtype; a Tensor of the other dtype is converted.
   */
  predict(x: Tensor | NestedArray): Tensor {
    if (Array.isArray(x)) return this.forward(tensor(x, this.dtype ?? "float32"), "eval");
    if (x instanceof Tensor && this.dtype !== undefined && x.dtype !== this.dtype) return this.forward(x.astype(this.dtype), "eval");
    return this.forward(x as Tensor, "eval");
  }

  parameters(): Parameter[] {
    this.params ??= this.layers.flatMap((layer, i) => layer.parameters().map((p) => new PrefixedParameter(`layers.${i}`, p)));
    return this.params;
  }

  buffers(): NamedBuffer[] {
    return this.layers.flatMap((layer, i) => layer.buffers().map((b) => new PrefixedBuffer(`layers.${i}`, b)));
  }

  /** Sets every parameter's gradient to zero. */
  zeroGrad(): void {
    zeroGrad(this.parameters());
  }

  holdRandomness(hold: boolean): void {
    for (const layer of this.layers) layer.holdRandomness?.(hold);
  }

  cast(dtype: DType): Sequential {
    const copy = new Sequential(this.layers.map((layer) => layer.cast(dtype)));
    copy.metadata = this.metadata;
    return copy;
  }

  outputFeatures(inputFeatures: number | undefined): number | undefined {
    let f = inputFeatures;
    this.layers.forEach((layer, i) => {
      try {
        f = layer.outputFeatures(f);
      } catch (e) {
        throw e instanceof LayerInputError ? e.within(`layers.${i}`) : e;
      }
    });
    return f;
  }

  describe(): string {
    return `Sequential(${this.layers.length} layer${this.layers.length === 1 ? "" : "s"})`;
  }

  toSpec(): LayerSpec {
    return { type: this.typeName, config: { layers: this.layers.map((l) => { const s = l.toSpec(); return { type: s.type, config: s.config }; }) } };
  }

  /** A Keras-style table of layers, output shapes and parameter counts. */
  summary(inputFeatures?: number): string {
    return formatSummary(summarize(this, inputFeatures));
  }

  /** The summary as data: one row per layer, plus totals. */
  summaryData(inputFeatures?: number): ModelSummary {
    return summarize(this, inputFeatures);
  }

  /**
   * The model file: architecture, weights (exact, base64 little-endian) and optional metadata,
   * any JSON data (a scaler, class names): `model.toJSON({ scaler, classNames })`.
   */
  toJSON<M extends object>(metadata?: M & JsonCompatible<M>): ModelFile {
    // JSON.stringify(model) calls toJSON with the property key (a string): keep the stored metadata then.
    const given: unknown = metadata;
    const isObject = typeof given === "object" && given !== null && !Array.isArray(given);
    return writeModelFile(this, isObject ? metadata : this.metadata);
  }

  /**
   * A metadata entry rebuilt and checked by `reader.fromJSON`: `model.metadataEntry("scaler",
   * StandardScaler)` returns a StandardScaler. A missing entry is a ModelFileError naming it.
   */
  metadataEntry<T>(key: string, reader: MetadataReader<T>): T {
    const value = this.metadata?.[key];
    if (value === undefined) {
      const keys = Object.keys(this.metadata ?? {});
      throw new ModelFileError(`metadata.${key}`, `is missing (the model's metadata has ${keys.length === 0 ? "no entries" : keys.join(", ")})`);
    }
    try {
      // fromJSON checks its argument at run time; its declared parameter type describes valid data.
      return reader.fromJSON(value as never);
    } catch (e) {
      throw new ModelFileError(`metadata.${key}`, `cannot be read: ${(e as Error).message}`);
    }
  }

  /** Rebuilds a model from `toJSON()`'s object or its JSON text; refuses anything malformed, naming the field. */
  static fromJSON(json: unknown): Sequential {
    return readModelFile(json);
  }
}

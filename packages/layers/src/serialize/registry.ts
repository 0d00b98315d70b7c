import type { DType } from "@nn/tensor";
import { ELU } from "../activations/elu.js";
import { GELU } from "../activations/gelu.js";
import { LeakyReLU } from "../activations/leaky-relu.js";
import { ReLU } from "../activations/relu.js";
import { Sigmoid } from "../activations/sigmoid.js";
import { SiLU } from "../activations/silu.js";
import { Softmax } from "../activations/softmax.js";
import { Softplus } from "../activations/softplus.js";
import { Tanh } from "../activations/tanh.js";
import { Residual } from "../containers/residual.js";
import { Sequential } from "../containers/sequential.js";
import { Dense } from "../dense.js";
import { Dropout } from "../dropout.js";
import { ModelFileError } from "../errors.js";
import { INIT_SCHEMES } from "../initializers.js";
import type { JsonObject } from "../json.js";
import type { Layer } from "../layer.js";
import { BatchNorm1d } from "../norms/batch-norm.js";
import { LayerNorm } from "../norms/layer-norm.js";
import { readArray, readBoolean, readChoice, readDType, readNumber, readObject, readPositiveInt, readString, readWidth } from "./fields.js";
import type { DeclareWeights, DeclaredWeight, ResolvedSpec } from "./weight-plan.js";

/** Builds a layer from its `config`; `path` locates the config in the file for error messages. */
export type LayerFactory = (config: JsonObject, path: string) => Layer;

interface Registration {
  options: readonly string[];
  build: LayerFactory;
  declare: DeclareWeights | undefined;
}

const registry = new Map<string, Registration>();

/**
 * Adds a layer type to model files. `options` lists every key its config may hold; anything else
 * is refused as corrupt. `declare` lists the tensors a config gives the layer without building it,
 * so a model file's weights are checked against its sizes before anything is allocated (a layer
 * registered without it is checked after it is built). This is the one place a new layer type registers.
 */
export function registerLayer(type: string, options: readonly string[], build: LayerFactory, declare?: DeclareWeights): void {
  registry.set(type, { options, build, declare });
}

export function registeredLayerTypes(): string[] {
  return [...registry.keys()];
}

function lookUp(spec: unknown, path: string): ResolvedSpec & { build: LayerFactory } {
  const obj = readObject(spec, path);
  const type = readString(obj.type, `${path}.type`);
  const entry = registry.get(type);
  if (entry === undefined) {
    throw new ModelFileError(`${path}.type`, `is ${JSON.stringify(type)}, not a known layer type (known: ${registeredLayerTypes().join(", ")})`);
  }
  const config = readObject(obj.config, `${path}.config`);
  for (const key of Object.keys(config)) {
    if (!entry.options.includes(key)) throw new ModelFileError(`${path}.config.${key}`, `is not an option of ${type} (options: ${entry.options.join(", ")})`);
  }
  return { type, config, declare: entry.declare, build: entry.build };
}

/** `{ type, config }` checked against the registry (type known, no unknown options); nothing is built. */
export function resolveLayerSpec(spec: unknown, path: string): ResolvedSpec {
  return lookUp(spec, path);
}

/** Builds the layer described by `{ type, config }` (weights are not part of a spec; they start as the layer's defaults). */
export function layerFromJSON(spec: unknown, path = "layer"): Layer {
  const { config, build } = lookUp(spec, path);
  return build(config, `${path}.config`);
}

const positiveFinite = (v: number) => v > 0 && Number.isFinite(v);
const unitInterval = (v: number) => v >= 0 && v <= 1;
const noWeights: DeclareWeights = () => ({ own: [] });

function declared(name: string, dtype: DType, shape: number[]): DeclaredWeight {
  return { name, dtype, shape };
}

/** Files written before 0.2 store a dtype for layers without parameters: still read (and checked), then ignored. */
function legacyDType(config: JsonObject, path: string): void {
  if (config.dtype !== undefined) readDType(config.dtype, `${path}.dtype`);
}

function activation(type: string, make: () => Layer): void {
  registerLayer(type, ["dtype"], (c, p) => {
    legacyDType(c, p);
    return make();
  }, noWeights);
}

registerLayer("Dense", ["inFeatures", "outFeatures", "bias", "init", "dtype"], (c, p) =>
  new Dense(readWidth(c.inFeatures, `${p}.inFeatures`), readWidth(c.outFeatures, `${p}.outFeatures`), {
    bias: readBoolean(c.bias, `${p}.bias`),
    init: readChoice(c.init, `${p}.init`, INIT_SCHEMES),
    dtype: readDType(c.dtype, `${p}.dtype`),
  }), (c, p) => {
  const inFeatures = readWidth(c.inFeatures, `${p}.inFeatures`), outFeatures = readWidth(c.outFeatures, `${p}.outFeatures`);
  const dtype = readDType(c.dtype, `${p}.dtype`);
  const weight = declared("weight", dtype, [inFeatures, outFeatures]);
  return { own: readBoolean(c.bias, `${p}.bias`) ? [weight, declared("bias", dtype, [outFeatures])] : [weight] };
});
activation("ReLU", () => new ReLU());
activation("Sigmoid", () => new Sigmoid());
activation("Tanh", () => new Tanh());
activation("SiLU", () => new SiLU());
activation("Softmax", () => new Softmax());
registerLayer("LeakyReLU", ["alpha", "dtype"], (c, p) => {
  legacyDType(c, p);
  return new LeakyReLU({ alpha: readNumber(c.alpha, `${p}.alpha`) });
}, noWeights);
registerLayer("ELU", ["alpha", "dtype"], (c, p) => {
  legacyDType(c, p);
  return new ELU({ alpha: readNumber(c.alpha, `${p}.alpha`) });
}, noWeights);
registerLayer("GELU", ["approximate", "dtype"], (c, p) => {
  legacyDType(c, p);
  return new GELU({ approximate: readChoice(c.approximate, `${p}.approximate`, ["none", "tanh"] as const) });
}, noWeights);
registerLayer("Softplus", ["beta", "threshold", "dtype"], (c, p) => {
  legacyDType(c, p);
  return new Softplus({ beta: readNumber(c.beta, `${p}.beta`, positiveFinite, "a finite number > 0"), threshold: readNumber(c.threshold, `${p}.threshold`) });
}, noWeights);
registerLayer("Dropout", ["p", "dtype"], (c, p) => {
  legacyDType(c, p);
  return new Dropout({ p: readNumber(c.p, `${p}.p`, unitInterval, "in [0, 1]") });
}, noWeights);

/** The scale and shift every norm layer has, one per feature. */
function normWeights(c: JsonObject, p: string): { features: number; dtype: DType; own: DeclaredWeight[] } {
  const features = readWidth(c.features, `${p}.features`), dtype = readDType(c.dtype, `${p}.dtype`);
  return { features, dtype, own: [declared("weight", dtype, [features]), declared("bias", dtype, [features])] };
}

registerLayer("BatchNorm1d", ["features", "eps", "momentum", "dtype"], (c, p) =>
  new BatchNorm1d(readWidth(c.features, `${p}.features`), {
    eps: readNumber(c.eps, `${p}.eps`, positiveFinite, "a finite number > 0"),
    momentum: readNumber(c.momentum, `${p}.momentum`, unitInterval, "in [0, 1]"),
    dtype: readDType(c.dtype, `${p}.dtype`),
  }), (c, p) => {
  const { features, dtype, own } = normWeights(c, p);
  const running = [declared("running_mean", dtype, [features]), declared("running_var", dtype, [features]), declared("num_batches_tracked", dtype, [])];
  return { own: [...own, ...running] };
});
registerLayer("LayerNorm", ["features", "eps", "dtype"], (c, p) =>
  new LayerNorm(readWidth(c.features, `${p}.features`), {
    eps: readNumber(c.eps, `${p}.eps`, positiveFinite, "a finite number > 0"),
    dtype: readDType(c.dtype, `${p}.dtype`),
  }), (c, p) => ({ own: normWeights(c, p).own }));
/** The deepest nesting a model file may declare: far past any real network, small enough to build at once. */
const MAX_RESIDUAL_DEPTH = 2 ** 20;

// `depth`: that many Residuals nested directly in each other (Residual.toSpec writes it), built in a loop.
function residualDepth(c: JsonObject, p: string): number {
  if (c.depth === undefined) return 1;
  const depth = readPositiveInt(c.depth, `${p}.depth`);
  if (depth > MAX_RESIDUAL_DEPTH) throw new ModelFileError(`${p}.depth`, `is ${depth}, more than the ${MAX_RESIDUAL_DEPTH} levels a model file may nest`);
  return depth;
}
registerLayer("Residual", ["block", "depth"], (c, p) => {
  const depth = residualDepth(c, p);
  let layer = new Residual(layerFromJSON(c.block, `${p}.block`));
  for (let level = 1; level < depth; level++) layer = new Residual(layer);
  return layer;
}, (c, p) => ({ own: [], nested: [{ key: Array.from({ length: residualDepth(c, p) }, () => "block").join("."), spec: c.block, path: `${p}.block` }] }));
registerLayer("Sequential", ["layers"], (c, p) => new Sequential(layersFromJSON(c.layers, `${p}.layers`)), (c, p) =>
  ({ own: [], nested: readArray(c.layers, `${p}.layers`).map((spec, i) => ({ key: `layers.${i}`, spec, path: `${p}.layers[${i}]` })) }));

/** The layers of a Sequential: non-empty, one dtype. */
export function layersFromJSON(value: unknown, path: string): Layer[] {
  const list = readArray(value, path);
  if (list.length === 0) throw new ModelFileError(path, "must hold at least one layer, got an empty array");
  const layers = list.map((spec, i) => layerFromJSON(spec, `${path}[${i}]`));
  // Only layers with parameters have a dtype; the others follow their input.
  const typed = layers.findIndex((layer) => layer.dtype !== undefined);
  layers.forEach((layer, i) => {
    if (layer.dtype !== undefined && layer.dtype !== layers[typed].dtype) {
      throw new ModelFileError(`${path}[${i}]`, `is ${layer.describe()} in ${layer.dtype} but ${path}[${typed}] is ${layers[typed].dtype}; a model has one dtype`);
    }
  });
  return layers;
}

export function sequentialFromLayers(layers: Layer[]): Sequential {
  return new Sequential(layers);
}

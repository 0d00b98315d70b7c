import { checkOptions, optionKeys, refusePromise } from "@nn/tensor";
import type { Layer } from "@nn/layers";
import { BatchNorm1d, Dense, Dropout, ELU, GELU, LayerNorm, LeakyReLU, ReLU, Residual, Sequential, SiLU, Sigmoid, Softmax, Softplus, Tanh } from "@nn/layers";
import { OnnxConversionError } from "./errors.js";
import { GraphBuilder, attr } from "./graph-builder.js";
import { encodeModel } from "./onnx-encode.js";
import { DataType } from "./onnx-model.js";
import { irVersionFor, MAX_OPSET, MIN_OPSET } from "./opsets.js";

export interface ExportOptions {
  /** ONNX operator set, 13–21 (default 17: the first with LayerNormalization). */
  opset?: number;
  inputName?: string;
  outputName?: string;
  /** Input width, when the model does not start with a layer that fixes it (Dense, a norm). */
  inputFeatures?: number;
  /**
   * Standardise raw inputs inside the graph, (x − mean) / std per feature, as a fitted
   * StandardScaler does (`{ mean: scaler.mean, std: scaler.scale }`): the exported model then
   * takes the same raw inputs as `nn predict`. Written as `Sub` then `Div` before the first layer.
   */
  standardize?: { mean: ArrayLike<number>; std: ArrayLike<number> };
}

interface Lowering {
  b: GraphBuilder;
  opset: number;
  double: boolean;
}

/** Lowers one layer whose input is the value `x`; returns the name of its output value. */
function lower(layer: Layer, x: string, path: string, ctx: Lowering): string {
  const { b } = ctx;
  const here = path || layer.typeName;
  const key = (leaf: string): string => (path ? `${path}.${leaf}` : leaf);
  if (layer instanceof Sequential) {
    let h = x;
    layer.layers.forEach((child, i) => (h = lower(child, h, path ? `${path}.layers.${i}` : `layers.${i}`, ctx)));
    return h;
  }
  if (layer instanceof Residual) {
    const fx = lower(layer.block, x, `${here}.block`, ctx);
    return b.node("Add", [x, fx], here);
  }
  if (layer instanceof Dense) {
    const w = b.initializer(key("weight"), layer.weight.value.data, [layer.inFeatures, layer.outFeatures]);
    if (!layer.bias) return b.node("MatMul", [x, w], here);
    const bias = b.initializer(key("bias"), layer.bias.value.data, [layer.outFeatures]);
    return b.node("Gemm", [x, w, bias], here);
  }
  if (layer instanceof ReLU) return b.node("Relu", [x], here);
  if (layer instanceof Sigmoid) return b.node("Sigmoid", [x], here);
  if (layer instanceof Tanh) return b.node("Tanh", [x], here);
  if (layer instanceof Softmax) return b.node("Softmax", [x], here, [attr.int("axis", -1)]);
  if (layer instanceof Dropout) return x; // inference graph: dropout is the identity
  if (layer instanceof SiLU) return b.node("Mul", [x, b.node("Sigmoid", [x], here)], here);
  if (layer instanceof LeakyReLU) {
    // ONNX's alpha attribute is a float32; where that would round alpha, use max(x, alpha·x).
    if (Math.fround(layer.alpha) === layer.alpha || !ctx.double) {
      return b.node("LeakyRelu", [x], here, [attr.float("alpha", layer.alpha)]);
    }
    if (layer.alpha < 0 || layer.alpha > 1) {
      throw new OnnxConversionError(`exportONNX: ${here} LeakyReLU(${layer.alpha}): a float64 alpha outside [0, 1] that float32 cannot hold exactly has no exact ONNX form`);
    }
    return b.node("Max", [x, b.node("Mul", [x, b.scalar(`${here}.alpha`, layer.alpha)], here)], here);
  }
  if (layer instanceof ELU) {
    if (ctx.double && Math.fround(layer.alpha) !== layer.alpha) {
      throw new OnnxConversionError(`exportONNX: ${here} ELU(alpha ${layer.alpha}): ONNX's float32 alpha attribute cannot hold it exactly`);
    }
    return b.node("Elu", [x], here, [attr.float("alpha", layer.alpha)]);
  }
  if (layer instanceof Softplus) {
    // ONNX Softplus is log(1 + e^x): no beta, and no linear region. Above x = 20 the two differ by
    // less than e^-20 ≈ 2e-9 (absolute), so PyTorch's threshold of 20 or more exports faithfully.
    if (layer.beta !== 1 || layer.threshold < 20) {
      throw new OnnxConversionError(`exportONNX: ${here} Softplus(beta ${layer.beta}, threshold ${layer.threshold}): ONNX Softplus has no beta or threshold; only beta 1 with threshold ≥ 20 exports exactly`);
    }
    return b.node("Softplus", [x], here);
  }
  if (layer instanceof GELU) return lowerGelu(layer, x, here, ctx);
  if (layer instanceof BatchNorm1d) {
    const inputs = [
      x,
      b.initializer(key("weight"), layer.weight.value.data, [layer.features]),
      b.initializer(key("bias"), layer.bias.value.data, [layer.features]),
      b.initializer(key("running_mean"), layer.runningMean.value.data, [layer.features]),
      b.initializer(key("running_var"), layer.runningVar.value.data, [layer.features]),
    ];
    return b.node("BatchNormalization", inputs, here, [attr.float("epsilon", layer.eps)]);
  }
  if (layer instanceof LayerNorm) {
    if (ctx.opset < 17) {
      throw new OnnxConversionError(`exportONNX: ${here} LayerNorm needs opset 17 or later (LayerNormalization), got opset ${ctx.opset}`);
    }
    const inputs = [
      x,
      b.initializer(key("weight"), layer.weight.value.data, [layer.features]),
      b.initializer(key("bias"), layer.bias.value.data, [layer.features]),
    ];
    return b.node("LayerNormalization", inputs, here, [attr.int("axis", -1), attr.float("epsilon", layer.eps)]);
  }
  throw new OnnxConversionError(`exportONNX: ${here}: layer type ${layer.typeName} has no ONNX export`);
}

/** GELU from primitive ops, in the shapes PyTorch's exporter writes (so one importer reads both). */
function lowerGelu(layer: GELU, x: string, here: string, { b }: Lowering): string {
  if (layer.approximate === "tanh") {
    // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
    const x3 = b.node("Mul", [b.node("Mul", [x, x], here), x], here);
    const inner = b.node("Add", [x, b.node("Mul", [x3, b.scalar(`${here}.c`, 0.044715)], here)], here);
    const t = b.node("Tanh", [b.node("Mul", [inner, b.scalar(`${here}.k`, Math.sqrt(2 / Math.PI))], here)], here);
    const onePlus = b.node("Add", [t, b.scalar(`${here}.one`, 1)], here);
    return b.node("Mul", [b.node("Mul", [x, onePlus], here), b.scalar(`${here}.half`, 0.5)], here);
  }
  // 0.5·x·(1 + erf(x/√2))
  const e = b.node("Erf", [b.node("Div", [x, b.scalar(`${here}.sqrt2`, Math.SQRT2)], here)], here);
  const onePlus = b.node("Add", [e, b.scalar(`${here}.one`, 1)], here);
  return b.node("Mul", [b.node("Mul", [x, onePlus], here), b.scalar(`${here}.half`, 0.5)], here);
}

/** The input width the model fixes: the first Dense's `inFeatures` or the first norm's `features`. */
function inputFeaturesOf(layer: Layer): number | undefined {
  if (layer instanceof Sequential) {
    for (const child of layer.layers) {
      const f = inputFeaturesOf(child);
      if (f !== undefined) return f;
      if (child instanceof Residual) continue;
    }
    return undefined;
  }
  if (layer instanceof Residual) return inputFeaturesOf(layer.block);
  if (layer instanceof Dense) return layer.inFeatures;
  if (layer instanceof BatchNorm1d || layer instanceof LayerNorm) return layer.features;
  return undefined;
}

/**
 * Writes an ONNX ModelProto for a Sequential (or a single layer) of nn's layers: the inference
 * graph, with a dynamic batch dimension and the model's dtype. Weights keep nn's state-dict names.
 */
const EXPORT_OPTIONS = optionKeys<ExportOptions>()("opset", "inputName", "outputName", "inputFeatures", "standardize");

export function exportONNX(model: Layer, options: ExportOptions = {}): Uint8Array {
  refusePromise(model, "exportONNX");
  const { opset = 17, inputName = "input", outputName = "output" } = checkOptions("exportONNX", options, EXPORT_OPTIONS);
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw new RangeError(`exportONNX: opset must be an integer in [${MIN_OPSET}, ${MAX_OPSET}], got ${opset}`);
  }
  if (typeof inputName !== "string" || inputName === "" || typeof outputName !== "string" || outputName === "" || inputName === outputName) {
    throw new RangeError(`exportONNX: inputName and outputName must be different non-empty strings, got "${inputName}" and "${outputName}"`);
  }
  if (model === null || typeof model !== "object" || typeof model.forward !== "function") {
    throw new TypeError("exportONNX: expected an nn model (a Sequential or a Layer)");
  }
  const double = model.dtype === "float64";
  const elemType = double ? DataType.DOUBLE : DataType.FLOAT;
  const b = new GraphBuilder(elemType);
  b.reserve(inputName);
  b.reserve(outputName);
  const features = options.inputFeatures ?? inputFeaturesOf(model);
  if (features !== undefined && (!Number.isInteger(features) || features <= 0)) {
    throw new RangeError(`exportONNX: inputFeatures must be a positive integer, got ${features}`);
  }
  let x = inputName;
  if (options.standardize) {
    const { mean, std } = options.standardize;
    const width = features ?? mean.length;
    if (mean.length !== width || std.length !== width) {
      throw new RangeError(`exportONNX: standardize.mean and standardize.std must have ${width} values (one per input feature), got ${mean.length} and ${std.length}`);
    }
    for (let j = 0; j < width; j++) {
      if (!Number.isFinite(mean[j]) || !(std[j] > 0) || !Number.isFinite(std[j])) {
        throw new RangeError(`exportONNX: standardize feature ${j}: mean must be finite and std a positive finite number, got ${mean[j]} and ${std[j]}`);
      }
    }
    const asArray = (v: ArrayLike<number>) => (double ? Float64Array.from(v) : Float32Array.from(v));
    x = b.node("Sub", [x, b.initializer("standardize.mean", asArray(mean), [width])], "standardize");
    x = b.node("Div", [x, b.initializer("standardize.std", asArray(std), [width])], "standardize");
  }
  const last = lower(model, x, "", { b, opset, double });
  // The graph output must be produced by a node; a model that is the identity gets one.
  if (last === inputName) b.node("Identity", [inputName], "output", [], outputName);
  else {
    const producer = b.nodes.find((n) => n.outputs[0] === last);
    if (producer) producer.outputs[0] = outputName;
    for (const n of b.nodes) n.inputs = n.inputs.map((i) => (i === last ? outputName : i));
  }
  const outFeatures = model.outputFeatures(features);
  return encodeModel({
    irVersion: irVersionFor(opset),
    opsetImports: [{ domain: "", version: opset }],
    producerName: "nn",
    producerVersion: "0.1.0",
    docString: model.describe(),
    metadata: [],
    graph: {
      name: "nn",
      nodes: b.nodes,
      initializers: b.initializers,
      inputs: [{ name: inputName, elemType, shape: ["batch", features ?? "features"] }],
      outputs: [{ name: outputName, elemType, shape: ["batch", outFeatures ?? "features"] }],
    },
  });
}

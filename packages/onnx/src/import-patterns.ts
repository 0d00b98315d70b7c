import { type Layer, BatchNorm1d, Dense, ELU, GELU, LayerNorm, LeakyReLU, ReLU, SiLU, Sigmoid, Softmax, Softplus, Tanh } from "@nn/layers";
import type { DType } from "@nn/tensor";
import { OnnxConversionError } from "./errors.js";
import { type GraphView, floatAttr, intAttr } from "./graph-view.js";
import { attributeOf, type OnnxNode, type OnnxTensor } from "./onnx-model.js";

/** A recognised piece of graph: the layer it becomes (none for identities), its output, its nodes. */
export interface Match {
  layer: Layer | undefined;
  output: string;
  nodes: OnnxNode[];
}

export interface PatternContext {
  view: GraphView;
  dtype: DType;
}

type Pattern = (x: string, ctx: PatternContext) => Match | undefined;

const close = (a: number | undefined, b: number, tol = 1e-6): boolean => a !== undefined && Math.abs(a - b) <= tol * Math.abs(b);

function weight(ctx: PatternContext, name: string, node: OnnxNode, rank: number): OnnxTensor {
  const t = ctx.view.constant(name);
  if (!t) throw new OnnxConversionError(`importONNX: ${ctx.view.label(node)}: input "${name}" must be a constant (an initializer), not a computed value`);
  if (t.dims.length !== rank && !(rank === 1 && t.dims.length === 2 && t.dims[0] === 1)) {
    throw new OnnxConversionError(`importONNX: ${ctx.view.label(node)}: "${name}" has shape [${t.dims.join(",")}], expected rank ${rank}`);
  }
  const want = ctx.dtype === "float64" ? Float64Array : Float32Array;
  if (!(t.data instanceof want)) throw new OnnxConversionError(`importONNX: ${ctx.view.label(node)}: "${name}" is not ${ctx.dtype} like the graph input`);
  return t;
}

/** A Dense from W stored [in, out] (or [out, in] when `transposed`), copied exactly. */
function dense(ctx: PatternContext, node: OnnxNode, w: OnnxTensor, transposed: boolean, bias: OnnxTensor | undefined): Dense {
  const [rows, cols] = w.dims;
  const [inF, outF] = transposed ? [cols, rows] : [rows, cols];
  if (bias && bias.data.length !== outF) {
    throw new OnnxConversionError(`importONNX: ${ctx.view.label(node)}: bias has ${bias.data.length} values for ${outF} outputs`);
  }
  const layer = new Dense(inF, outF, { bias: bias !== undefined, dtype: ctx.dtype, init: "zeros" });
  const dst = layer.weight.value.data, src = w.data as Float32Array | Float64Array;
  if (!transposed) dst.set(src);
  else for (let i = 0; i < inF; i++) for (let j = 0; j < outF; j++) dst[i * outF + j] = src[j * inF + i];
  if (bias && layer.bias) layer.bias.value.data.set(bias.data);
  return layer;
}

const gemm: Pattern = (x, ctx) => {
  const n = ctx.view.soleConsumer(x, "Gemm");
  if (!n || n.inputs[0] !== x) return undefined;
  const { view } = ctx;
  if (floatAttr(n, "alpha", 1) !== 1 || floatAttr(n, "beta", 1) !== 1 || intAttr(n, "transA", 0) !== 0) {
    throw new OnnxConversionError(`importONNX: ${view.label(n)}: only Gemm with alpha 1, beta 1 and transA 0 maps to Dense`);
  }
  const w = weight(ctx, n.inputs[1], n, 2);
  const bias = n.inputs[2] ? weight(ctx, n.inputs[2], n, 1) : undefined;
  return { layer: dense(ctx, n, w, intAttr(n, "transB", 0) === 1, bias), output: n.outputs[0], nodes: [n] };
};

const matmulAdd: Pattern = (x, ctx) => {
  const n = ctx.view.soleConsumer(x, "MatMul");
  if (!n || n.inputs[0] !== x) return undefined;
  const w = weight(ctx, n.inputs[1], n, 2);
  const add = ctx.view.pending(n.outputs[0]);
  if (add.length === 1 && add[0].opType === "Add") {
    const other = add[0].inputs[0] === n.outputs[0] ? add[0].inputs[1] : add[0].inputs[0];
    if (ctx.view.constant(other)) {
      return { layer: dense(ctx, n, w, false, weight(ctx, other, add[0], 1)), output: add[0].outputs[0], nodes: [n, add[0]] };
    }
  }
  return { layer: dense(ctx, n, w, false, undefined), output: n.outputs[0], nodes: [n] };
};

function single(opType: string, make: (n: OnnxNode, ctx: PatternContext) => Layer | undefined): Pattern {
  return (x, ctx) => {
    const n = ctx.view.soleConsumer(x, opType);
    if (!n || n.inputs[0] !== x) return undefined;
    return { layer: make(n, ctx), output: n.outputs[0], nodes: [n] };
  };
}

/** Nodes that compute the identity at inference: no layer. */
const identity = (opType: string): Pattern => single(opType, (n, { view }) => {
  if (opType === "Flatten" && intAttr(n, "axis", 1) !== 1) throw new OnnxConversionError(`importONNX: ${view.label(n)}: only Flatten with axis 1 is supported`);
  return undefined;
});

const silu: Pattern = (x, { view, dtype }) => {
  const s = view.soleConsumer(x, "Sigmoid");
  if (!s) return undefined;
  const mul = view.pending(s.outputs[0]).find((m) => m.opType === "Mul" && m.inputs.includes(x));
  return mul ? { layer: new SiLU({ dtype }), output: mul.outputs[0], nodes: [s, mul] } : undefined;
};

/** max(x, alpha·x): nn's exact float64 LeakyReLU. */
const leakyMax: Pattern = (x, { view }) => {
  const mul = view.pending(x).find((m) => m.opType === "Mul" && m.inputs[0] === x && view.scalar(m.inputs[1]) !== undefined);
  if (!mul) return undefined;
  const max = view.pending(mul.outputs[0]).find((m) => m.opType === "Max" && m.inputs.includes(x));
  return max ? { layer: new LeakyReLU({ alpha: view.scalar(mul.inputs[1]) }), output: max.outputs[0], nodes: [mul, max] } : undefined;
};

/** Follows `x → op(x, c) → …` where the other input is a constant close to `value`. */
function constStep(view: GraphView, from: string, opType: string, value: number): OnnxNode | undefined {
  return view.pending(from).find((m) => m.opType === opType && m.inputs.length === 2 && m.inputs.includes(from) &&
    close(view.scalar(m.inputs[0] === from ? m.inputs[1] : m.inputs[0]), value));
}

/** 0.5·x·(1 + erf(x/√2)), as PyTorch exports exact GELU (Div by √2, or Mul by 1/√2). */
const geluErf: Pattern = (x, { view, dtype }) => {
  const scale = constStep(view, x, "Div", Math.SQRT2) ?? constStep(view, x, "Mul", Math.SQRT1_2);
  if (!scale) return undefined;
  const erf = view.soleConsumer(scale.outputs[0], "Erf");
  const add = erf && constStep(view, erf.outputs[0], "Add", 1);
  const mulX = add && view.pending(add.outputs[0]).find((m) => m.opType === "Mul" && m.inputs.includes(x));
  const half = mulX && constStep(view, mulX.outputs[0], "Mul", 0.5);
  if (!erf || !add || !mulX || !half) return undefined;
  return { layer: new GELU({ dtype }), output: half.outputs[0], nodes: [scale, erf, add, mulX, half] };
};

/** 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) with x³ as Mul(Mul(x, x), x) or Pow(x, 3). */
const geluTanh: Pattern = (x, { view, dtype }) => {
  let cubeNodes: OnnxNode[];
  const pow = constStep(view, x, "Pow", 3);
  if (pow) cubeNodes = [pow];
  else {
    const sq = view.pending(x).find((m) => m.opType === "Mul" && m.inputs[0] === x && m.inputs[1] === x);
    const cube = sq && view.pending(sq.outputs[0]).find((m) => m.opType === "Mul" && m.inputs.includes(x));
    if (!sq || !cube) return undefined;
    cubeNodes = [sq, cube];
  }
  const x3 = cubeNodes[cubeNodes.length - 1].outputs[0];
  const c = constStep(view, x3, "Mul", 0.044715);
  const inner = c && view.pending(c.outputs[0]).find((m) => m.opType === "Add" && m.inputs.includes(x));
  const k = inner && constStep(view, inner.outputs[0], "Mul", Math.sqrt(2 / Math.PI));
  const t = k && view.soleConsumer(k.outputs[0], "Tanh");
  const add = t && constStep(view, t.outputs[0], "Add", 1);
  const mulX = add && view.pending(add.outputs[0]).find((m) => m.opType === "Mul" && m.inputs.includes(x));
  const half = mulX && constStep(view, mulX.outputs[0], "Mul", 0.5);
  if (!c || !inner || !k || !t || !add || !mulX || !half) return undefined;
  return { layer: new GELU({ approximate: "tanh", dtype }), output: half.outputs[0], nodes: [...cubeNodes, c, inner, k, t, add, mulX, half] };
};

const batchNorm = single("BatchNormalization", (n, ctx) => {
  if (n.outputs.length > 1 && n.outputs.slice(1).some((o) => o !== "") || intAttr(n, "training_mode", 0) !== 0) {
    throw new OnnxConversionError(`importONNX: ${ctx.view.label(n)}: only inference-mode BatchNormalization is supported`);
  }
  const [scale, bias, mean, variance] = n.inputs.slice(1).map((name) => weight(ctx, name, n, 1));
  const layer = new BatchNorm1d(scale.data.length, { eps: floatAttr(n, "epsilon", 1e-5), dtype: ctx.dtype });
  layer.weight.value.data.set(scale.data);
  layer.bias.value.data.set(bias.data);
  layer.runningMean.value.data.set(mean.data);
  layer.runningVar.value.data.set(variance.data);
  return layer;
});

const layerNorm = single("LayerNormalization", (n, ctx) => {
  const axis = intAttr(n, "axis", -1);
  if (axis !== -1 && axis !== 1) throw new OnnxConversionError(`importONNX: ${ctx.view.label(n)}: LayerNormalization over axis ${axis} is not a per-row norm`);
  const scale = weight(ctx, n.inputs[1], n, 1);
  const layer = new LayerNorm(scale.data.length, { eps: floatAttr(n, "epsilon", 1e-5), dtype: ctx.dtype });
  layer.weight.value.data.set(scale.data);
  if (n.inputs[2]) layer.bias.value.data.set(weight(ctx, n.inputs[2], n, 1).data);
  else layer.bias.value.data.fill(0);
  return layer;
});

const softmax = single("Softmax", (n, { view, dtype }) => {
  const axis = intAttr(n, "axis", -1);
  if (axis !== -1 && axis !== 1) throw new OnnxConversionError(`importONNX: ${view.label(n)}: Softmax over axis ${axis} is not over the features`);
  return new Softmax({ dtype });
});

const gelu = single("Gelu", (n, { dtype }) => new GELU({ approximate: attributeOf(n, "approximate")?.s === "tanh" ? "tanh" : "none", dtype }));

/** Tried in order at each point of the walk: composites before the single ops they start with. */
export const patterns: Pattern[] = [
  gemm,
  matmulAdd,
  silu,
  leakyMax,
  geluErf,
  geluTanh,
  gelu,
  single("Relu", (_n, { dtype }) => new ReLU({ dtype })),
  single("Sigmoid", (_n, { dtype }) => new Sigmoid({ dtype })),
  single("Tanh", (_n, { dtype }) => new Tanh({ dtype })),
  single("LeakyRelu", (n) => new LeakyReLU({ alpha: floatAttr(n, "alpha", 0.01) })),
  single("Elu", (n, { dtype }) => new ELU({ alpha: floatAttr(n, "alpha", 1), dtype })),
  single("Softplus", (_n, { dtype }) => new Softplus({ dtype })),
  softmax,
  batchNorm,
  layerNorm,
  identity("Identity"),
  identity("Dropout"),
  identity("Flatten"),
];

import { type Layer, Residual, Sequential } from "@nn/layers";
import type { DType } from "@nn/tensor";
import { OnnxConversionError } from "./errors.js";
import { GraphView } from "./graph-view.js";
import { type Match, patterns } from "./import-patterns.js";
import { decodeModel } from "./onnx-decode.js";
import { DataType, type OnnxNode } from "./onnx-model.js";
import { MAX_OPSET, MIN_OPSET } from "./opsets.js";

const SUPPORTED = "Gemm, MatMul (+ Add), Relu, Sigmoid, Tanh, LeakyRelu, Elu, Softplus, Gelu (or its Erf/Tanh form), " +
  "Sigmoid·Mul (SiLU), Softmax, BatchNormalization, LayerNormalization, Add (residual), Identity, Dropout, Flatten";

interface Walk {
  view: GraphView;
  dtype: DType;
  /** Residual joins waiting for their block to be walked; not consumers for pattern matching. */
  joins: Set<OnnxNode>;
}

function tryPatterns(x: string, w: Walk): Match | undefined {
  for (const pattern of patterns) {
    const m = pattern(x, { view: w.view, dtype: w.dtype });
    if (m) return m;
  }
  return undefined;
}

/** Layers computing `stop` from `x`, consuming the nodes on the way. */
function walk(x: string, stop: string, w: Walk): Layer[] {
  const layers: Layer[] = [];
  const { view } = w;
  let cur = x;
  while (cur !== stop) {
    const pending = view.pending(cur, w.joins);
    if (pending.length === 0) {
      throw new OnnxConversionError(`importONNX: the graph has no supported path from "${cur}" to "${stop}"`);
    }
    // A residual join: Add(cur, z) where z is computed from cur by the other consumers.
    const join = pending.find((n) => n.opType === "Add" && n.inputs.length === 2 && n.inputs.includes(cur) &&
      n.inputs.every((i) => !view.constant(i)) && n.inputs[0] !== n.inputs[1]);
    const match = tryPatterns(cur, w);
    const leftover = match ? pending.filter((n) => !match.nodes.includes(n)) : pending;
    if (match && leftover.length === 0) {
      view.take(match.nodes);
      if (match.layer) layers.push(match.layer);
      cur = match.output;
      continue;
    }
    if (join && pending.length > 1) {
      const z = join.inputs[0] === cur ? join.inputs[1] : join.inputs[0];
      w.joins.add(join);
      if (!view.reaches(cur, z, w.joins)) {
        throw new OnnxConversionError(`importONNX: ${view.label(join)}: adds "${cur}" to "${z}", which is not computed from it: not a residual block`);
      }
      const block = walk(cur, z, w);
      w.joins.delete(join);
      view.take([join]);
      if (block.length === 0) throw new OnnxConversionError(`importONNX: ${view.label(join)}: a residual block with no layers`);
      layers.push(new Residual(block.length === 1 ? block[0] : new Sequential(block)));
      cur = join.outputs[0];
      continue;
    }
    const culprit = match ? leftover[0] : pending[0];
    throw new OnnxConversionError(`importONNX: ${view.label(culprit)} is not supported here; nn imports MLPs built from ${SUPPORTED}`);
  }
  return layers;
}

/**
 * Reads an ONNX MLP into a Sequential: nn's own exports and the shapes PyTorch's exporter writes
 * (Gemm with transB, or MatMul + Add; Relu, Sigmoid, Tanh, Softmax, …). Weights are copied bit for bit.
 */
export function importONNX(bytes: Uint8Array): Sequential {
  const model = decodeModel(bytes);
  const opset = model.opsetImports.find((o) => o.domain === "" || o.domain === "ai.onnx")?.version;
  if (opset === undefined) throw new OnnxConversionError("importONNX: the model imports no default-domain (ai.onnx) opset");
  if (opset < MIN_OPSET || opset > MAX_OPSET) {
    throw new OnnxConversionError(`importONNX: opset ${opset} is not supported: nn reads opsets ${MIN_OPSET}–${MAX_OPSET}`);
  }
  const g = model.graph;
  for (const n of g.nodes) {
    if (n.domain !== "" && n.domain !== "ai.onnx") {
      throw new OnnxConversionError(`importONNX: node "${n.name}" (${n.opType}) is from domain "${n.domain}"; nn reads only standard ONNX operators`);
    }
  }
  const initializerNames = new Set(g.initializers.map((t) => t.name));
  const inputs = g.inputs.filter((v) => !initializerNames.has(v.name));
  if (inputs.length !== 1 || g.outputs.length !== 1) {
    throw new OnnxConversionError(`importONNX: expected one input and one output, got ${inputs.length} inputs and ${g.outputs.length} outputs`);
  }
  const input = inputs[0];
  const dtype: DType | undefined = input.elemType === DataType.FLOAT ? "float32" : input.elemType === DataType.DOUBLE ? "float64" : undefined;
  if (!dtype) throw new OnnxConversionError(`importONNX: graph input "${input.name}" has element type ${input.elemType}; nn reads FLOAT (1) and DOUBLE (11)`);
  if (input.shape && input.shape.length !== 2) {
    throw new OnnxConversionError(`importONNX: graph input "${input.name}" has rank ${input.shape.length}; nn imports MLPs on [batch, features]`);
  }
  const view = new GraphView(g);
  const { start, standardize } = readStandardize(input.name, view);
  const layers = walk(start, g.outputs[0].name, { view, dtype, joins: new Set() });
  const unused = g.nodes.find((n) => !view.isConsumed(n));
  if (unused) throw new OnnxConversionError(`importONNX: ${view.label(unused)} is not on the path from input to output`);
  if (layers.length === 0) throw new OnnxConversionError("importONNX: the graph computes the identity: no layers to import");
  const result = new Sequential(layers);
  if (standardize) result.metadata = { standardize };
  return result;
}

/** A leading Sub(x, mean) → Div(·, std) with constant per-feature vectors: exportONNX's `standardize`. */
function readStandardize(input: string, view: GraphView): { start: string; standardize?: { mean: number[]; std: number[] } } {
  const pending = view.pending(input);
  const sub = pending.length === 1 && pending[0].opType === "Sub" && pending[0].inputs[0] === input ? pending[0] : undefined;
  const mean = sub && view.constant(sub.inputs[1]);
  const next = sub && view.pending(sub.outputs[0]);
  const div = next && next.length === 1 && next[0].opType === "Div" && next[0].inputs[0] === sub.outputs[0] ? next[0] : undefined;
  const std = div && view.constant(div.inputs[1]);
  if (!sub || !mean || !div || !std || mean.dims.length !== 1 || std.dims.length !== 1) return { start: input };
  view.take([sub, div]);
  return { start: div.outputs[0], standardize: { mean: Array.from(mean.data as ArrayLike<number>), std: Array.from(std.data as ArrayLike<number>) } };
}

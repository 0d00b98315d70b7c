import { writeTensorBytes } from "@nn/tensor";
import { ProtoWriter } from "./protobuf/writer.js";
import { AttributeType, DataType, type OnnxAttribute, type OnnxGraph, type OnnxModel, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from "./onnx-model.js";

/** Tensor values go in raw_data as little-endian bytes: exact, and what ONNX Runtime reads fastest. */
function tensorProto(t: OnnxTensor): ProtoWriter {
  const w = new ProtoWriter().packedInts(1, t.dims).int(2, t.dataType).string(8, t.name);
  if (t.dataType === DataType.INT64) {
    w.packedInts(7, t.data as number[]);
  } else {
    const src = t.data as Float32Array | Float64Array;
    const bytes = new Uint8Array(src.byteLength);
    writeTensorBytes(src, new DataView(bytes.buffer), 0);
    w.bytes(9, bytes);
  }
  return w;
}

function attributeProto(a: OnnxAttribute): ProtoWriter {
  const w = new ProtoWriter().string(1, a.name).int(20, a.type);
  switch (a.type) {
    case AttributeType.FLOAT: return w.float(2, a.f ?? 0);
    case AttributeType.INT: return w.int(3, a.i ?? 0);
    case AttributeType.STRING: return w.string(4, a.s ?? "");
    case AttributeType.TENSOR: return a.t ? w.message(5, tensorProto(a.t)) : w;
    case AttributeType.FLOATS: return w.packedFloats(7, a.floats ?? []);
    case AttributeType.INTS: return w.packedInts(8, a.ints ?? []);
    default: throw new Error(`ONNX export: attribute ${a.name} has unsupported type ${a.type}`);
  }
}

function nodeProto(n: OnnxNode): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name).string(4, n.opType);
  for (const a of n.attributes) w.message(5, attributeProto(a));
  if (n.domain) w.string(7, n.domain);
  return w;
}

function valueInfoProto(v: OnnxValueInfo): ProtoWriter {
  const tensorType = new ProtoWriter().int(1, v.elemType);
  if (v.shape) {
    const shape = new ProtoWriter();
    for (const d of v.shape) {
      shape.message(1, typeof d === "number" ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
    }
    tensorType.message(2, shape);
  }
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}

function graphProto(g: OnnxGraph): ProtoWriter {
  const w = new ProtoWriter();
  for (const n of g.nodes) w.message(1, nodeProto(n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, tensorProto(t));
  for (const v of g.inputs) w.message(11, valueInfoProto(v));
  for (const v of g.outputs) w.message(12, valueInfoProto(v));
  return w;
}

/** Serialises a model to ONNX's protobuf bytes. */
export function encodeModel(m: OnnxModel): Uint8Array {
  const w = new ProtoWriter().int(1, m.irVersion).string(2, m.producerName).string(3, m.producerVersion);
  if (m.docString) w.string(6, m.docString);
  w.message(7, graphProto(m.graph));
  for (const o of m.opsetImports) {
    const op = new ProtoWriter();
    if (o.domain) op.string(1, o.domain);
    w.message(8, op.int(2, o.version));
  }
  for (const { key, value } of m.metadata) w.message(14, new ProtoWriter().string(1, key).string(2, value));
  return w.finish();
}

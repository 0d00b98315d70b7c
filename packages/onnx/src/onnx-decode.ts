import { readTensorBytes } from "@nn/tensor";
import { ProtoDecodeError, ProtoReader } from "./protobuf/reader.js";
import { DataType, type OnnxAttribute, type OnnxGraph, type OnnxModel, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from "./onnx-model.js";

function decodeTensor(r: ProtoReader, where: string): OnnxTensor {
  const t: OnnxTensor = { name: "", dims: [], dataType: 0, data: [] };
  let raw: Uint8Array | undefined;
  const floats: number[] = [], doubles: number[] = [], ints: number[] = [];
  for (let f = r.next(); f; f = r.next()) {
    switch (f.field) {
      case 1: r.ints(f, t.dims); break;
      case 2: t.dataType = f.int; break;
      case 4: r.floats(f, floats); break;
      case 7: r.ints(f, ints); break;
      case 8: t.name = r.string(f); break;
      case 9: r.expectWire(f, 2); raw = f.bytes; break;
      case 10: r.doubles(f, doubles); break;
      case 13: throw new ProtoDecodeError(`ONNX: ${where}: tensor uses external data, which nn cannot load (save the model with all tensors inside the file)`);
      default: break;
    }
  }
  const size = t.dims.reduce((a, b) => a * b, 1);
  const label = `${where} "${t.name}"`;
  if (t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) {
    const width = t.dataType === DataType.FLOAT ? 4 : 8;
    const out = width === 4 ? new Float32Array(size) : new Float64Array(size);
    if (raw) {
      if (raw.length !== size * width) throw new ProtoDecodeError(`ONNX: ${label}: raw_data has ${raw.length} bytes, dims [${t.dims.join(",")}] need ${size * width}`);
      readTensorBytes(new DataView(raw.buffer, raw.byteOffset, raw.length), 0, out);
    } else {
      const list = width === 4 ? floats : doubles;
      if (list.length !== size) throw new ProtoDecodeError(`ONNX: ${label}: has ${list.length} values, dims [${t.dims.join(",")}] need ${size}`);
      out.set(list);
    }
    t.data = out;
  } else if (t.dataType === DataType.INT64) {
    if (raw) {
      if (raw.length !== size * 8) throw new ProtoDecodeError(`ONNX: ${label}: raw_data has ${raw.length} bytes, dims need ${size * 8}`);
      const view = new DataView(raw.buffer, raw.byteOffset, raw.length);
      for (let i = 0; i < size; i++) ints.push(Number(view.getBigInt64(i * 8, true)));
    }
    if (ints.length !== size) throw new ProtoDecodeError(`ONNX: ${label}: has ${ints.length} values, dims need ${size}`);
    t.data = ints;
  } else {
    throw new ProtoDecodeError(`ONNX: ${label}: data type ${t.dataType} is not supported (nn reads FLOAT=1, DOUBLE=11, INT64=7)`);
  }
  return t;
}

function decodeAttribute(r: ProtoReader, where: string): OnnxAttribute {
  const a: OnnxAttribute = { name: "", type: 0 };
  for (let f = r.next(); f; f = r.next()) {
    switch (f.field) {
      case 1: a.name = r.string(f); break;
      case 20: a.type = f.int; break;
      case 2: a.f = r.float(f); break;
      case 3: a.i = f.int; break;
      case 4: a.s = r.string(f); break;
      case 5: a.t = decodeTensor(r.nested(f, `${where} attribute tensor`), `${where} attribute tensor`); break;
      case 7: r.floats(f, (a.floats ??= [])); break;
      case 8: r.ints(f, (a.ints ??= [])); break;
      default: break;
    }
  }
  return a;
}

function decodeNode(r: ProtoReader, index: number): OnnxNode {
  const n: OnnxNode = { name: "", opType: "", domain: "", inputs: [], outputs: [], attributes: [] };
  const where = `graph.node[${index}]`;
  for (let f = r.next(); f; f = r.next()) {
    switch (f.field) {
      case 1: n.inputs.push(r.string(f)); break;
      case 2: n.outputs.push(r.string(f)); break;
      case 3: n.name = r.string(f); break;
      case 4: n.opType = r.string(f); break;
      case 5: n.attributes.push(decodeAttribute(r.nested(f, `${where}.attribute`), where)); break;
      case 7: n.domain = r.string(f); break;
      default: break;
    }
  }
  return n;
}

function decodeValueInfo(r: ProtoReader, where: string): OnnxValueInfo {
  const v: OnnxValueInfo = { name: "", elemType: 0, shape: undefined };
  for (let f = r.next(); f; f = r.next()) {
    if (f.field === 1) v.name = r.string(f);
    else if (f.field === 2) {
      const type = r.nested(f, `${where}.type`);
      for (let tf = type.next(); tf; tf = type.next()) {
        if (tf.field !== 1) continue; // only tensor types
        const tensorType = type.nested(tf, `${where}.type.tensor_type`);
        for (let g = tensorType.next(); g; g = tensorType.next()) {
          if (g.field === 1) v.elemType = g.int;
          else if (g.field === 2) {
            v.shape = [];
            const shape = tensorType.nested(g, `${where}.shape`);
            for (let d = shape.next(); d; d = shape.next()) {
              if (d.field !== 1) continue;
              const dim = shape.nested(d, `${where}.shape.dim`);
              let value: number | string = "?";
              for (let x = dim.next(); x; x = dim.next()) {
                if (x.field === 1) value = x.int;
                else if (x.field === 2) value = dim.string(x);
              }
              v.shape.push(value);
            }
          }
        }
      }
    }
  }
  return v;
}

function decodeGraph(r: ProtoReader): OnnxGraph {
  const g: OnnxGraph = { name: "", nodes: [], initializers: [], inputs: [], outputs: [] };
  for (let f = r.next(); f; f = r.next()) {
    switch (f.field) {
      case 1: g.nodes.push(decodeNode(r.nested(f, `graph.node[${g.nodes.length}]`), g.nodes.length)); break;
      case 2: g.name = r.string(f); break;
      case 5: g.initializers.push(decodeTensor(r.nested(f, `graph.initializer[${g.initializers.length}]`), `graph.initializer[${g.initializers.length}]`)); break;
      case 11: g.inputs.push(decodeValueInfo(r.nested(f, `graph.input[${g.inputs.length}]`), `graph.input[${g.inputs.length}]`)); break;
      case 12: g.outputs.push(decodeValueInfo(r.nested(f, `graph.output[${g.outputs.length}]`), `graph.output[${g.outputs.length}]`)); break;
      default: break;
    }
  }
  return g;
}

/** Parses ONNX ModelProto bytes. A truncated or non-ONNX file fails with the field and byte offset. */
export function decodeModel(bytes: Uint8Array): OnnxModel {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("importONNX: expected the model file's bytes as a Uint8Array");
  if (bytes.length === 0) throw new ProtoDecodeError("ONNX: the file is empty");
  const m: OnnxModel = { irVersion: 0, opsetImports: [], producerName: "", producerVersion: "", docString: "", graph: { name: "", nodes: [], initializers: [], inputs: [], outputs: [] }, metadata: [] };
  const r = new ProtoReader(bytes, "ModelProto");
  let sawGraph = false;
  for (let f = r.next(); f; f = r.next()) {
    switch (f.field) {
      case 1: r.expectWire(f, 0); m.irVersion = f.int; break;
      case 2: m.producerName = r.string(f); break;
      case 3: m.producerVersion = r.string(f); break;
      case 6: m.docString = r.string(f); break;
      case 7: m.graph = decodeGraph(r.nested(f, "graph")); sawGraph = true; break;
      case 8: {
        const op = r.nested(f, "opset_import");
        const entry = { domain: "", version: 0 };
        for (let x = op.next(); x; x = op.next()) {
          if (x.field === 1) entry.domain = op.string(x);
          else if (x.field === 2) entry.version = x.int;
        }
        m.opsetImports.push(entry);
        break;
      }
      case 14: {
        const kv = r.nested(f, "metadata_props");
        const entry = { key: "", value: "" };
        for (let x = kv.next(); x; x = kv.next()) {
          if (x.field === 1) entry.key = kv.string(x);
          else if (x.field === 2) entry.value = kv.string(x);
        }
        m.metadata.push(entry);
        break;
      }
      default: break;
    }
  }
  if (m.irVersion === 0) throw new ProtoDecodeError("ONNX: ModelProto.ir_version is missing: this is not an ONNX model file");
  if (!sawGraph) throw new ProtoDecodeError("ONNX: ModelProto.graph is missing: this is not an ONNX model file");
  return m;
}

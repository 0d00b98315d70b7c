/**
 * The subset of ONNX's protobuf schema (onnx.proto, IR version 8+) that nn reads and writes,
 * as plain TypeScript data. Field numbers are the ones in onnx.proto.
 */
export const DataType = { FLOAT: 1, INT64: 7, DOUBLE: 11 } as const;
export const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

export type TensorData = Float32Array | Float64Array | number[];

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  /** FLOAT → Float32Array, DOUBLE → Float64Array, INT64 → number[] */
  data: TensorData;
}

export interface OnnxAttribute {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: string;
  t?: OnnxTensor;
  floats?: number[];
  ints?: number[];
}

export interface OnnxNode {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: OnnxAttribute[];
}

/** A graph input or output: element type and shape, where a string dimension is symbolic ("batch"). */
export interface OnnxValueInfo {
  name: string;
  elemType: number;
  shape: Array<number | string> | undefined;
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}

export interface OnnxModel {
  irVersion: number;
  opsetImports: Array<{ domain: string; version: number }>;
  producerName: string;
  producerVersion: string;
  docString: string;
  graph: OnnxGraph;
  metadata: Array<{ key: string; value: string }>;
}

export function attributeOf(node: OnnxNode, name: string): OnnxAttribute | undefined {
  return node.attributes.find((a) => a.name === name);
}

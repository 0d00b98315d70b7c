import { AttributeType, DataType, type OnnxAttribute, type OnnxNode, type OnnxTensor } from "./onnx-model.js";

/** Appends nodes and initializers while the exporter walks a model, inventing unique value names. */
export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();

  constructor(readonly elemType: number) {}

  private unique(hint: string): string {
    let name = hint;
    for (let i = 1; this.used.has(name); i++) name = `${hint}_${i}`;
    this.used.add(name);
    return name;
  }

  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  /** A weight or constant in the model's dtype, stored bit for bit. */
  initializer(name: string, data: Float32Array | Float64Array, dims: number[]): string {
    const unique = this.unique(name);
    const copy = this.elemType === DataType.DOUBLE ? Float64Array.from(data) : Float32Array.from(data);
    this.initializers.push({ name: unique, dims, dataType: this.elemType, data: copy });
    return unique;
  }

  /** A scalar constant in the model's dtype (broadcasts in element-wise ops). */
  scalar(name: string, value: number): string {
    const data = this.elemType === DataType.DOUBLE ? Float64Array.of(value) : Float32Array.of(value);
    return this.initializer(name, data, []);
  }

  node(opType: string, inputs: string[], name: string, attributes: OnnxAttribute[] = [], output?: string): string {
    const out = output ?? this.unique(`${name}/${opType}_output`);
    this.nodes.push({ name: this.unique(`${name}/${opType}`), opType, domain: "", inputs, outputs: [out], attributes });
    return out;
  }
}

export const attr = {
  float: (name: string, f: number): OnnxAttribute => ({ name, type: AttributeType.FLOAT, f }),
  int: (name: string, i: number): OnnxAttribute => ({ name, type: AttributeType.INT, i }),
  string: (name: string, s: string): OnnxAttribute => ({ name, type: AttributeType.STRING, s }),
};

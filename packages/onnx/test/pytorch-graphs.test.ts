import { describe, expect, it } from "vitest";
import { tensor } from "@nn/tensor";
import { importONNX, OnnxConversionError, ProtoDecodeError } from "../src/index.js";
import { encodeModel } from "../src/onnx-encode.js";
import { AttributeType, DataType, type OnnxModel, type OnnxNode, type OnnxTensor } from "../src/onnx-model.js";

// Hand-built graphs in the shapes torch.onnx.export writes for an MLP: node names like
// "/fc1/Gemm", Gemm with transB = 1 (weights stored [out, in] as nn.Linear keeps them),
// constants as Constant nodes, and (older exporters) initializers repeated as graph inputs.

const f32 = (name: string, dims: number[], values: number[]): OnnxTensor => ({ name, dims, dataType: DataType.FLOAT, data: Float32Array.from(values) });
const node = (opType: string, inputs: string[], outputs: string[], attributes: OnnxNode["attributes"] = []): OnnxNode =>
  ({ name: `/${opType}_${outputs[0]}`, opType, domain: "", inputs, outputs, attributes });
const constant = (out: string, value: number): OnnxNode =>
  node("Constant", [], [out], [{ name: "value", type: AttributeType.TENSOR, t: f32("", [], [value]) }]);

function model(nodes: OnnxNode[], initializers: OnnxTensor[], opset = 17, listInitializersAsInputs = false): Uint8Array {
  const m: OnnxModel = {
    irVersion: 8, opsetImports: [{ domain: "", version: opset }], producerName: "pytorch", producerVersion: "2.5.0", docString: "", metadata: [],
    graph: {
      name: "main_graph", nodes, initializers,
      inputs: [{ name: "input", elemType: DataType.FLOAT, shape: ["batch_size", 2] },
        ...(listInitializersAsInputs ? initializers.map((t) => ({ name: t.name, elemType: DataType.FLOAT, shape: t.dims })) : [])],
      outputs: [{ name: "output", elemType: DataType.FLOAT, shape: ["batch_size", 1] }],
    },
  };
  return encodeModel(m);
}

// fc1: Linear(2, 3), fc2: Linear(3, 1); weights as PyTorch stores them, [out, in].
const W1 = [[0.5, -1], [0.25, 0.75], [-0.5, 0.125]], b1 = [0.1, -0.2, 0.3];
const W2 = [[1, -2, 0.5]], b2 = [0.05];
const x = [[1, 2], [-1, 0.5]];

/** The MLP computed by hand in float64: out = act2(W2·act1(W1·x + b1) + b2). */
function reference(act1: (v: number) => number, act2: (v: number) => number): number[] {
  return x.map((row) => {
    const h = W1.map((w, j) => act1(w[0] * row[0] + w[1] * row[1] + b1[j]));
    return act2(W2[0].reduce((s, w, j) => s + w * h[j], b2[0]));
  });
}

const inits = [f32("fc1.weight", [3, 2], W1.flat()), f32("fc1.bias", [3], b1), f32("fc2.weight", [1, 3], W2.flat()), f32("fc2.bias", [1], b2)];
const gemm = (i: string, w: string, b: string, o: string) => node("Gemm", [i, w, b], [o], [
  { name: "alpha", type: AttributeType.FLOAT, f: 1 }, { name: "beta", type: AttributeType.FLOAT, f: 1 }, { name: "transB", type: AttributeType.INT, i: 1 }]);
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

function expectClose(got: ArrayLike<number>, want: number[]): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThan(1e-6));
}

describe("importONNX reads PyTorch-shaped MLPs", () => {
  it("Gemm(transB=1) → Relu → Gemm → Sigmoid, initializers also listed as inputs", () => {
    const bytes = model([gemm("input", "fc1.weight", "fc1.bias", "/fc1/Gemm_output_0"), node("Relu", ["/fc1/Gemm_output_0"], ["/relu/Relu_output_0"]),
      gemm("/relu/Relu_output_0", "fc2.weight", "fc2.bias", "/fc2/Gemm_output_0"), node("Sigmoid", ["/fc2/Gemm_output_0"], ["output"])], inits, 17, true);
    const m = importONNX(bytes);
    expect(m.layers.map((l) => l.typeName)).toEqual(["Dense", "ReLU", "Dense", "Sigmoid"]);
    // nn keeps W as [in, out]: the importer transposes PyTorch's [out, in] exactly.
    expect(m.layers[0].parameters()[0].value.toArray()).toEqual([[0.5, 0.25, -0.5], [-1, 0.75, 0.125]]);
    expectClose(m.forward(tensor(x), "eval").data, reference((v) => Math.max(0, v), sigmoid));
  });

  it("MatMul + Add with weights stored [in, out], Tanh, and an exact GELU written as Div/Erf/Add/Mul/Mul", () => {
    const t = (name: string, rows: number[][]) => f32(name, [rows[0].length, rows.length], rows[0].map((_, i) => rows.map((r) => r[i])).flat());
    const nodes = [
      node("MatMul", ["input", "w1t"], ["mm1"]), node("Add", ["mm1", "fc1.bias"], ["h1"]),
      constant("sqrt2", Math.SQRT2), node("Div", ["h1", "sqrt2"], ["d"]), node("Erf", ["d"], ["e"]),
      constant("one", 1), node("Add", ["e", "one"], ["a"]), node("Mul", ["h1", "a"], ["m"]), constant("half", 0.5), node("Mul", ["m", "half"], ["g"]),
      node("MatMul", ["g", "w2t"], ["mm2"]), node("Add", ["mm2", "fc2.bias"], ["z"]), node("Tanh", ["z"], ["output"]),
    ];
    const m = importONNX(model(nodes, [t("w1t", W1), f32("fc1.bias", [3], b1), t("w2t", W2), f32("fc2.bias", [1], b2)]));
    expect(m.layers.map((l) => l.describe())).toEqual([expect.stringContaining("Dense"), expect.stringContaining("GELU"), expect.stringContaining("Dense"), expect.stringContaining("Tanh")]);
    // GELU's reference uses the relation Φ(v) = (1 + erf(v/√2))/2 with erf from its Taylor series (|v/√2| < 2 here).
    const erf = (v: number) => { let s = 0, term = v; for (let n = 0; n < 60; n++) { s += term / (2 * n + 1); term *= (-v * v) / (n + 1); } return (2 / Math.sqrt(Math.PI)) * s; };
    expectClose(m.forward(tensor(x), "eval").data, reference((v) => 0.5 * v * (1 + erf(v / Math.SQRT2)), Math.tanh));
  });

  it("refuses an unsupported operator by naming the first node it cannot take", () => {
    const bytes = model([gemm("input", "fc1.weight", "fc1.bias", "h"), node("Cos", ["h"], ["c"]), gemm("c", "fc2.weight", "fc2.bias", "output")], inits);
    expect(() => importONNX(bytes)).toThrow(OnnxConversionError);
    expect(() => importONNX(bytes)).toThrow(/node 1 "\/Cos_c" \(Cos\) is not supported here/);
  });

  it("refuses an unsupported opset, naming it and the supported range", () => {
    const bytes = model([gemm("input", "fc1.weight", "fc1.bias", "output")], inits.slice(0, 2), 9);
    expect(() => importONNX(bytes)).toThrow(/opset 9 is not supported: nn reads opsets 13–21/);
  });

  it("refuses truncated and non-ONNX bytes with what and where", () => {
    const bytes = model([gemm("input", "fc1.weight", "fc1.bias", "output")], inits.slice(0, 2));
    expect(() => importONNX(bytes.subarray(0, bytes.length - 7))).toThrow(ProtoDecodeError);
    expect(() => importONNX(bytes.subarray(0, bytes.length - 7))).toThrow(/truncated|remain/);
    expect(() => importONNX(new TextEncoder().encode('{"format":"nn-model"}'))).toThrow(/ONNX: ModelProto/);
    expect(() => importONNX(new Uint8Array(0))).toThrow(/the file is empty/);
  });
});

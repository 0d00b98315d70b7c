import { type DType, type Tensor, createRng, randn } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import {
  BatchNorm1d, Dense, type Layer, LayerNorm, ReLU, Residual, SafetensorsError, Sequential, Tanh, decodeSafetensors, loadSafetensors, modelFromSafetensors,
  toPyTorchSource, toSafetensors,
} from "../src/index.js";
import { everyLayer } from "./helpers/every-layer.js";

function bits(model: Sequential): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const t of [...model.parameters(), ...model.buffers()]) out[t.name] = Array.from(new Uint8Array(t.value.data.buffer, t.value.data.byteOffset, t.value.data.byteLength));
  return out;
}

/** Splits a file by hand, as the format defines it, independently of decodeSafetensors. */
function parse(bytes: Uint8Array): { header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>; data: DataView; headerLength: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as ReturnType<typeof parse>["header"];
  return { header, headerLength, data: new DataView(bytes.buffer, bytes.byteOffset + 8 + headerLength) };
}

/** A file with the given header text and data, for hostile cases. */
function file(header: string, data: number[] = [], claimedLength?: bigint): Uint8Array {
  const text = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, claimedLength ?? BigInt(text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SafetensorsError);
    return (error as Error).message;
  }
  throw new Error("expected a SafetensorsError, got success");
}

function residualModel(dtype: DType): Sequential {
  const rng = createRng(3);
  return new Sequential([
    new Dense(3, 4, { rng, dtype }),
    new BatchNorm1d(4, { dtype }),
    new ReLU({ dtype }),
    new Residual(new Sequential([new Dense(4, 4, { rng, dtype }), new Tanh({ dtype }), new LayerNorm(4, { dtype })])),
    new Dense(4, 2, { rng, dtype }),
  ]);
}

describe("toSafetensors, PyTorch naming", () => {
  it("writes a Linear weight as [out, in] with the bytes of nn's [in, out] transposed", () => {
    const dense = new Dense(2, 3);
    dense.weight.value.data.set([1, 2, 3, 4, 5, 6]); // W[i][o]: row i = input i
    dense.bias!.value.data.set([0.5, -0.5, 0.25]);
    const bytes = toSafetensors(new Sequential([dense]), { naming: "pytorch" });
    const { header, headerLength, data } = parse(bytes);
    expect(headerLength % 8).toBe(0);
    expect(header["0.weight"]).toEqual({ dtype: "F32", shape: [3, 2], data_offsets: [0, 24] });
    expect(header["0.bias"]).toEqual({ dtype: "F32", shape: [3], data_offsets: [24, 36] });
    const weight = Array.from({ length: 6 }, (_, k) => data.getFloat32(k * 4, true));
    expect(weight).toEqual([1, 4, 2, 5, 3, 6]); // PyTorch's W[o][i]
    expect([0, 1, 2].map((k) => data.getFloat32(24 + k * 4, true))).toEqual([0.5, -0.5, 0.25]);
    expect(bytes.length).toBe(8 + headerLength + 36);
  });

  it("names a module tree as PyTorch does: Sequential children by index, a Residual's block as block, BatchNorm's count as int64", () => {
    const model = residualModel("float32");
    model.forward(randn([5, 3], createRng(4)), "train"); // one batch counted
    const { header, data } = parse(toSafetensors(model, { naming: "pytorch" }));
    expect(Object.keys(header).filter((k) => k !== "__metadata__")).toEqual([
      "0.weight", "0.bias",
      "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked",
      "3.block.0.weight", "3.block.0.bias", "3.block.2.weight", "3.block.2.bias",
      "4.weight", "4.bias",
    ]);
    const count = header["1.num_batches_tracked"];
    expect(count.dtype).toBe("I64");
    expect(count.shape).toEqual([]);
    expect(data.getBigInt64(count.data_offsets[0], true)).toBe(1n);
  });

  it("puts the input standardisation first as module 0 (float64 mean and std) and numbers the layers from 1", () => {
    const model = new Sequential([new Dense(2, 1)]);
    const bytes = toSafetensors(model, { naming: "pytorch", standardize: { mean: [1, 0.1], std: [2, 3] } });
    const { header, data } = parse(bytes);
    expect(Object.keys(header).filter((k) => k !== "__metadata__")).toEqual(["0.mean", "0.std", "1.weight", "1.bias"]);
    expect(header["0.mean"].dtype).toBe("F64");
    expect(data.getFloat64(8, true)).toBe(0.1);
    const fresh = new Sequential([new Dense(2, 1)]);
    expect(loadSafetensors(fresh, bytes, { naming: "pytorch" }).standardize).toEqual({ mean: [1, 0.1], std: [2, 3] });
  });
});

describe("round trips are bit-exact", () => {
  for (const dtype of ["float32", "float64"] as DType[]) {
    for (const naming of ["pytorch", "nn"] as const) {
      it(`every layer, ${dtype}, ${naming} naming`, () => {
        const model = new Sequential([new Dense(3, 4, { rng: createRng(9), dtype }), ...everyLayer(dtype).map(([, l]) => l)]);
        const w = model.parameters()[0].value.data;
        w[0] = -0;
        w[1] = dtype === "float64" ? 5e-324 : 1e-45; // the smallest subnormal
        const fresh = new Sequential([new Dense(3, 4, { rng: createRng(10), dtype }), ...everyLayer(dtype).map(([, l]) => l.cast(dtype))]);
        for (const t of [...fresh.parameters(), ...fresh.buffers()]) t.value.data.fill(7);
        loadSafetensors(fresh, toSafetensors(model, { naming }), { naming });
        expect(bits(fresh)).toEqual(bits(model));
        expect(Object.is(fresh.parameters()[0].value.data[0], -0)).toBe(true);
      });
    }
  }

  it("a file with nn naming alone rebuilds the model, with its metadata", () => {
    const model = residualModel("float64");
    model.metadata = { task: "demo", classes: ["a", "b"] };
    const rebuilt = modelFromSafetensors(toSafetensors(model, { naming: "nn" }));
    expect(rebuilt.dtype).toBe("float64");
    expect(rebuilt.layers.map((l) => l.describe())).toEqual(model.layers.map((l) => l.describe()));
    expect(bits(rebuilt)).toEqual(bits(model));
    expect(rebuilt.metadata).toEqual({ task: "demo", classes: ["a", "b"] });
    const x = randn([4, 3], createRng(2), { dtype: "float64" });
    expect(Array.from(rebuilt.forward(x, "eval").data)).toEqual(Array.from(model.forward(x, "eval").data));
  });
});

describe("loading refuses a file that does not fit, naming the tensor, and changes nothing", () => {
  const model = (dtype: DType = "float32", hidden = 4) => new Sequential([new Dense(3, hidden, { dtype }), new ReLU({ dtype }), new Dense(hidden, 1, { dtype })]);
  const snapshot = (m: Sequential): number[][] => m.parameters().map((p: { value: Tensor }) => Array.from(p.value.data));

  it("a shape", () => {
    const target = model();
    const before = snapshot(target);
    const message = refusal(() => loadSafetensors(target, toSafetensors(model("float32", 5), { naming: "pytorch" }), { naming: "pytorch" }));
    expect(message).toBe('safetensors: tensor "0.weight" has shape [5,3] but the model\'s Dense(3→4) "layers.0" weight needs [4,3], in PyTorch\'s [out, in] layout');
    expect(snapshot(target)).toEqual(before);
  });

  it("a dtype", () => {
    const message = refusal(() => loadSafetensors(model("float32"), toSafetensors(model("float64"), { naming: "pytorch" }), { naming: "pytorch" }));
    expect(message).toMatch(/^safetensors: tensor "0\.weight" is F64 but the model's Dense\(3→4\) "layers\.0" weight is F32 \(cast the model with model\.cast\("float64"\)/);
  });

  it("a missing and an unknown name", () => {
    const bytes = toSafetensors(model(), { naming: "nn" });
    expect(refusal(() => loadSafetensors(model(), bytes, { naming: "pytorch" }))).toMatch(/^safetensors: tensor "layers\.0\.weight" is not a tensor of this model \(pytorch naming; the model's are 0\.weight, 0\.bias, 2\.weight, 2\.bias\)/);
    const noBias = new Sequential([new Dense(3, 4, { bias: false }), new ReLU(), new Dense(4, 1)]);
    expect(refusal(() => loadSafetensors(model(), toSafetensors(noBias, { naming: "pytorch" }), { naming: "pytorch" }))).toBe(
      'safetensors: tensor "0.bias" is missing (the model\'s Dense(3→4) "layers.0" bias)',
    );
  });

  it("an int64 count a float32 model cannot hold", () => {
    const bn = new Sequential([new BatchNorm1d(2)]);
    const bytes = toSafetensors(bn, { naming: "pytorch" });
    const { header, headerLength } = parse(bytes);
    new DataView(bytes.buffer).setBigInt64(8 + headerLength + header["0.num_batches_tracked"].data_offsets[0], 2n ** 24n + 1n, true);
    expect(refusal(() => loadSafetensors(new Sequential([new BatchNorm1d(2)]), bytes, { naming: "pytorch" }))).toMatch(/"0\.num_batches_tracked" holds 16777217, which the model's float32/);
  });
});

describe("hostile files are refused before anything is allocated", () => {
  const one = (h: object) => JSON.stringify(h);
  it.each([
    ["too short", new Uint8Array(5), /fewer than the 8 of the header length/],
    ["a header longer than the file", file("{}", [], 1000n), /header length is 1000 bytes but only 2 follow/],
    ["a header length of 2^63", file("{}", [], 2n ** 63n), /header length is 9223372036854775808 bytes but only 2 follow/],
    ["not JSON", file("{nope"), /header is not valid UTF-8 JSON/],
    ["not UTF-8", file("{\"\u00ff\"}").map((b, i) => (i === 10 ? 0xff : b)), /not valid UTF-8 JSON/],
    ["an array header", file("[1]"), /does not start with '\{'/],
    ["an unsupported dtype", file(one({ a: { dtype: "BF16", shape: [1], data_offsets: [0, 2] } }), [0, 0]), /tensor "a" has dtype "BF16"; nn reads F32, F64 and I64/],
    ["a negative dimension", file(one({ a: { dtype: "F32", shape: [-1], data_offsets: [0, 0] } })), /tensor "a" has shape \[-1\]: dimensions must be integers ≥ 0/],
    ["a shape far beyond the data", file(one({ a: { dtype: "F32", shape: [1e6, 1e6], data_offsets: [0, 4] } }), [0, 0, 0, 0]), /tensor "a" has shape \[1000000,1000000\], more than the file's 4 bytes/],
    ["a byte count that disagrees with the shape", file(one({ a: { dtype: "F32", shape: [2], data_offsets: [0, 4] } }), [0, 0, 0, 0, 0, 0, 0, 0]), /tensor "a" has 4 bytes but shape \[2\] F32 needs 8/],
    ["offsets past the end", file(one({ a: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }), [0, 0, 0, 0]), /data_offsets \[4, 8\] outside the file's 4 bytes/],
    ["reversed offsets", file(one({ a: { dtype: "F32", shape: [0], data_offsets: [4, 0] } }), [0, 0, 0, 0]), /data_offsets \[4, 0\] outside/],
    ["overlapping tensors", file(one({ a: { dtype: "F32", shape: [2], data_offsets: [0, 8] }, b: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }), [0, 0, 0, 0, 0, 0, 0, 0]), /tensor "b" has data_offsets \[4, 8\] overlapping "a"'s/],
    ["a hole", file(one({ a: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }), [0, 0, 0, 0, 0, 0, 0, 0]), /leaving bytes 0–4 unclaimed/],
    ["trailing bytes", file(one({ a: { dtype: "F32", shape: [1], data_offsets: [0, 4] } }), [0, 0, 0, 0, 9]), /cover 4 bytes of data but the file holds 5/],
    ["metadata that is not strings", file(one({ __metadata__: { n: 1 } })), /__metadata__\["n"\] must be a string/],
  ])("%s", (_name, bytes, expected) => {
    expect(refusal(() => decodeSafetensors(bytes))).toMatch(expected);
  });

  it("an architecture claiming a huge layer is refused against the bytes present", () => {
    const bytes = toSafetensors(new Sequential([new Dense(2, 2)]), { naming: "nn" });
    const { header, headerLength } = parse(bytes);
    const meta = header.__metadata__ as unknown as Record<string, string>;
    meta["nn.architecture"] = meta["nn.architecture"].replace('"outFeatures":2', '"outFeatures":16000000');
    const text = JSON.stringify(header);
    const data = Array.from(bytes.subarray(8 + headerLength));
    expect(refusal(() => modelFromSafetensors(file(text, data)))).toMatch(/tensor "layers\.0\.weight" is F32 \[2,2\] but the architecture declares F32 \[2,16000000\]/);
  });
});

describe("toPyTorchSource", () => {
  it("writes numbers as Python reads them back and refuses what PyTorch has no module for, by name", () => {
    const source = toPyTorchSource(new Sequential([new Dense(2, 2, { dtype: "float64" }), new LayerNorm(2, { eps: 1e-7, dtype: "float64" })]), { standardize: { mean: [0.1, -3e-20], std: [1, 2] } });
    expect(source).toContain("DTYPE = torch.float64");
    expect(source).toContain("nn.LayerNorm(2, eps=1e-7, dtype=DTYPE)");
    expect(source).toContain("mean=[0.1, -3e-20],");
    // A layer of the user's own, with a weight nn cannot place in a PyTorch module.
    const custom = Object.assign(Object.create(Tanh.prototype) as Layer, new Tanh());
    Object.defineProperty(custom, "typeName", { value: "Scale" });
    custom.toSpec = () => ({ type: "Scale", config: {} });
    const model = new Sequential([new Dense(2, 2), custom]);
    expect(refusal(() => toPyTorchSource(model))).toBe('safetensors: Scale at "layers.1" has no PyTorch module that nn knows how to write');
    custom.parameters = () => new Dense(2, 2).parameters();
    expect(refusal(() => toSafetensors(model, { naming: "pytorch" }))).toBe('safetensors: Scale at "layers.1" has no PyTorch counterpart that nn knows; use naming "nn"');
  });

  it("refuses nesting deeper than a Python file can hold, without running out of stack in the tensor walk", () => {
    let block: Layer = new Dense(2, 2);
    for (let i = 0; i < 60; i++) block = new Sequential([block]);
    const deep = new Sequential([block]);
    expect(refusal(() => toPyTorchSource(deep))).toMatch(/is nested 51 containers deep; a PyTorch module file stops at 50$/);
    expect(parse(toSafetensors(deep, { naming: "pytorch" })).header[`0.${"0.".repeat(60)}weight`].shape).toEqual([2, 2]);
  });
});

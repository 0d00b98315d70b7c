import { describe, expect, it } from "vitest";
import {
  Base64Error, base64ByteLength, createRng, decodeBase64, decodeJsonNumber, decodeTensor, decodeTensorValuesInto, encodeBase64,
  encodeTensor, encodeTensorValues, readTensorBytes, tensor, writeTensorBytes,
} from "../src/index.js";

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("base64", () => {
  it("encodes the test vectors of RFC 4648 §10", () => {
    const vectors: [string, string][] = [["", ""], ["f", "Zg=="], ["fo", "Zm8="], ["foo", "Zm9v"], ["foob", "Zm9vYg=="], ["fooba", "Zm9vYmE="], ["foobar", "Zm9vYmFy"]];
    for (const [plain, coded] of vectors) {
      expect(encodeBase64(bytesOf(plain))).toBe(coded);
      expect(Array.from(decodeBase64(coded))).toEqual(Array.from(bytesOf(plain)));
      expect(base64ByteLength(coded)).toBe(plain.length);
    }
  });

  it("round-trips every byte value and long inputs, as Node's Buffer encodes them", () => {
    const rng = createRng(7);
    for (const length of [1, 2, 3, 255, 256, 6145, 20000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (length === 256 ? i : rng.int(256)));
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });

  it("refuses a truncated text and names the position of a character outside the alphabet", () => {
    expect(() => decodeBase64("Zm9")).toThrow(new Base64Error("has length 3, not a multiple of 4 (truncated base64?)"));
    expect(() => decodeBase64("Zm9v Zg=")).toThrow("base64 text has an invalid base64 character at position 4");
    expect(() => decodeBase64("Zm=v")).toThrow("position 2"); // '=' only pads at the end
    expect(() => decodeBase64("Zm9é")).toThrow("position 3");
  });
});

describe("raw little-endian bytes", () => {
  it("writes IEEE-754 bytes least significant first, and reads them back", () => {
    const bytes = new Uint8Array(12);
    const view = new DataView(bytes.buffer);
    writeTensorBytes(Float32Array.of(1, -2), view, 0);
    // 1 = 0x3F800000, −2 = 0xC0000000 in binary32
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]);
    const back = new Float32Array(2);
    readTensorBytes(view, 0, back);
    expect(Array.from(back)).toEqual([1, -2]);
    writeTensorBytes(Float64Array.of(0.5), view, 4); // 0.5 = 0x3FE0000000000000
    expect(Array.from(bytes.subarray(4, 12))).toEqual([0, 0, 0, 0, 0, 0, 0xe0, 0x3f]);
  });
});

describe("encodeTensor / decodeTensor", () => {
  it("stores dtype, shape and the bytes in base64", () => {
    expect(encodeTensor(tensor([[1, -2]]))).toEqual({ dtype: "float32", shape: [1, 2], data: "AACAPwAAAMA=" });
  });

  it("round-trips −0, ±∞, NaN and the smallest subnormals bit for bit, in both dtypes", () => {
    const special = [-0, Infinity, -Infinity, NaN, 0.1, -3.5e38];
    const f32 = tensor([...special, 1.401298464324817e-45], "float32");
    const f64 = tensor([...special, 5e-324, 1.7976931348623157e308], "float64");
    for (const t of [f32, f64]) {
      const back = decodeTensor(JSON.parse(JSON.stringify(encodeTensor(t))) as ReturnType<typeof encodeTensor>);
      expect(back.dtype).toBe(t.dtype);
      expect(back.shape).toEqual(t.shape);
      expect(Array.from(back.data).every((v, i) => Object.is(v, t.data[i]))).toBe(true);
    }
  });

  it("refuses a byte count that does not fit the shape, and a bad dtype, naming where", () => {
    const encoded = encodeTensor(tensor([1, 2, 3]));
    expect(() => decodeTensor({ ...encoded, shape: [4] }, "weights.w")).toThrow("weights.w: data holds 12 bytes but shape [4] float32 needs 16");
    expect(() => decodeTensor({ ...encoded, data: "AAA" })).toThrow("decodeTensor: data has length 3, not a multiple of 4");
    expect(() => decodeTensor({ ...encoded, dtype: "int8" as "float32" })).toThrow('decodeTensor: dtype must be "float32" or "float64", got "int8"');
    expect(() => decodeTensor({ ...encoded, shape: [1.5] })).toThrow("decodeTensor: shape must be an array of integers ≥ 0, got [1.5]");
  });
});

describe("encodeTensorValues / decodeTensorValuesInto", () => {
  it("writes plain JSON numbers, with the four values JSON lacks as strings", () => {
    const encoded = encodeTensorValues(Float64Array.of(0.1, NaN, Infinity, -Infinity, -0, 0), [2, 3]);
    expect(encoded).toEqual({ dtype: "float64", shape: [2, 3], values: [0.1, "NaN", "Infinity", "-Infinity", "-0", 0] });
    const out = new Float64Array(6);
    decodeTensorValuesInto(JSON.parse(JSON.stringify(encoded)) as typeof encoded, out, "state");
    expect([...out].map((v) => (Object.is(v, -0) ? "-0" : v))).toEqual([0.1, NaN, Infinity, -Infinity, "-0", 0]);
  });

  it("refuses a wrong count and a string that is not one of the four", () => {
    const encoded = encodeTensorValues(Float32Array.of(1, 2), [2]);
    expect(() => decodeTensorValuesInto(encoded, new Float32Array(3), "state")).toThrow("state: expected 3 values, got 2 values");
    expect(() => decodeJsonNumber("1" as never, "best")).toThrow('best: expected a number, got "1"');
  });
});

import { describe, expect, it } from "vitest";
import { ProtoReader } from "../src/protobuf/reader.js";
import { ProtoWriter } from "../src/protobuf/writer.js";

describe("protobuf wire format", () => {
  it("writes varints as the protobuf encoding guide's worked examples", () => {
    // protobuf.dev "Encoding": 150 in field 1 is 08 96 01; -1 as int64 takes ten bytes.
    expect(Array.from(new ProtoWriter().int(1, 150).finish())).toEqual([0x08, 0x96, 0x01]);
    expect(Array.from(new ProtoWriter().int(1, -1).finish())).toEqual([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    // A length-delimited string: field 2, "testing" → 12 07 74 65 73 74 69 6e 67.
    expect(Array.from(new ProtoWriter().string(2, "testing").finish())).toEqual([0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
  });

  it("reads back every integer it writes, negative int64 included", () => {
    const values = [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER, -1, -2, -300, -(2 ** 40), Number.MIN_SAFE_INTEGER];
    const w = new ProtoWriter();
    values.forEach((v, i) => w.int(i + 1, v));
    const r = new ProtoReader(w.finish(), "test");
    const got: number[] = [];
    for (let f = r.next(); f; f = r.next()) got.push(f.int);
    expect(got).toEqual(values);
  });

  it("round-trips packed ints, floats and nested messages", () => {
    const inner = new ProtoWriter().string(1, "x").packedInts(2, [1, -1, 7]);
    const bytes = new ProtoWriter().message(3, inner).packedFloats(4, [0.5, -2]).finish();
    const r = new ProtoReader(bytes, "outer");
    const f3 = r.next()!;
    const nested = r.nested(f3, "inner");
    expect(nested.string(nested.next()!)).toBe("x");
    const ints: number[] = [];
    nested.ints(nested.next()!, ints);
    expect(ints).toEqual([1, -1, 7]);
    const floats: number[] = [];
    r.floats(r.next()!, floats);
    expect(floats).toEqual([0.5, -2]);
  });

  it("refuses truncated input with the byte offset", () => {
    const bytes = new ProtoWriter().string(1, "a long enough string").finish();
    const r = new ProtoReader(bytes.subarray(0, 10), "ModelProto");
    expect(() => r.next()).toThrow(/ModelProto: field 1 claims 20 bytes but only 8 remain \(truncated file\?\) \(byte 2\)/);
  });
});

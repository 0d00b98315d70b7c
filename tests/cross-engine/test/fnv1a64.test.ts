import { describe, expect, it } from "vitest";
import { fnv1a64 } from "../src/fnv1a64.js";

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

// Published FNV-1a 64 test vectors (Fowler/Noll/Vo reference test suite).
describe("fnv1a64", () => {
  it("matches the reference vectors", () => {
    expect(fnv1a64(ascii(""))).toBe("cbf29ce484222325");
    expect(fnv1a64(ascii("a"))).toBe("af63dc4c8601ec8c");
    expect(fnv1a64(ascii("foobar"))).toBe("85944171f73967e8");
  });

  it("changes when a single bit changes", () => {
    expect(fnv1a64(new Uint8Array([0, 0, 0, 1]))).not.toBe(fnv1a64(new Uint8Array([0, 0, 0, 0])));
  });
});

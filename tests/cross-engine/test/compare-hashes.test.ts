import { describe, expect, it } from "vitest";
import { compareHashes } from "../src/compare-hashes.js";

describe("compareHashes", () => {
  it("names items that differ or that one engine lacks, and the ones that agree", () => {
    const node = { a: "01", b: "02", c: "03" };
    const browser = { a: "01", b: "ff", d: "04" };
    expect(compareHashes(node, browser)).toEqual({ differing: ["b", "c", "d"], agreeing: ["a"] });
  });
});

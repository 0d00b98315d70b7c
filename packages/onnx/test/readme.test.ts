// Every code block of the README runs (test-support/readme-blocks.ts); here its results are checked.
import { describe, expect, it } from "vitest";
import type { Sequential } from "@nn/layers";
import { runReadme } from "../../../test-support/readme-blocks.js";

describe("README", () => {
  it("the example runs: ONNX Runtime agrees with nn, and the import is the same network", async () => {
    const [example] = await runReadme(new URL("../README.md", import.meta.url));
    const { maxDifference, reimported } = example.exports as { maxDifference: number; reimported: Sequential };
    expect(maxDifference).toBeLessThan(1e-6);
    expect(reimported.layers.map((l) => l.typeName)).toEqual(["Dense", "ReLU", "Dense", "ReLU", "Dense", "Sigmoid"]);
  });
});

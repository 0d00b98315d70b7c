import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Sequential } from "@nn/layers";

describe("README", () => {
  it("shows test/readme-example.ts verbatim, and that example runs", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
    expect(/```ts\n([\s\S]*?)```/.exec(readme)?.[1]).toBe(example);
    const { maxDifference, reimported } = (await import("./readme-example.js")) as { maxDifference: number; reimported: Sequential };
    expect(maxDifference).toBeLessThan(1e-6);
    expect(reimported.layers.map((l) => l.typeName)).toEqual(["Dense", "ReLU", "Dense", "ReLU", "Dense", "Sigmoid"]);
  });
});

import { readFileSync } from "node:fs";
import type { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { countConstructions } from "./helpers/count-allocations.js";

describe("README", () => {
  it("shows test/readme-example.ts verbatim, and that example runs", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block?.[1]).toBe(example);
    const result = (await import("./readme-example.js")) as { lossBefore: number; lossAfter: number; sameOutput: boolean; first: Tensor; second: Tensor };
    expect(result.lossAfter).toBeLessThan(result.lossBefore);
    expect(result.sameOutput).toBe(true);
    // XOR learnt: logit of [0, 1] above 0, of [1, 1] below; the first result survived the second call.
    expect(result.first.data[0]).toBeGreaterThan(0);
    expect(result.second.data[0]).toBeLessThan(0);
  });

  it("its training step allocates nothing after the first", async () => {
    const { trainStep } = (await import("./readme-example.js")) as { trainStep: (lr: number) => number };
    trainStep(0.01);
    expect(countConstructions(() => {
      for (let step = 0; step < 50; step++) trainStep(0.01);
    })).toBe(0);
  });

  it("has a table row for every registered layer type", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const { registeredLayerTypes } = await import("../src/index.js");
    for (const type of registeredLayerTypes()) expect(readme).toMatch(new RegExp(`^\\| \`${type}`, "m"));
  });
});

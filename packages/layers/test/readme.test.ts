import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("README", () => {
  it("shows test/readme-example.ts verbatim, and that example runs", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block?.[1]).toBe(example);
    const result = (await import("./readme-example.js")) as { lossBefore: number; lossAfter: number; sameOutput: boolean };
    expect(result.lossAfter).toBeLessThan(result.lossBefore);
    expect(result.sameOutput).toBe(true);
  });

  it("has a table row for every registered layer type", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const { registeredLayerTypes } = await import("../src/index.js");
    for (const type of registeredLayerTypes()) expect(readme).toMatch(new RegExp(`^\\| \`${type}`, "m"));
  });
});

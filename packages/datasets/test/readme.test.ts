import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("README", () => {
  it("shows test/readme-example.ts verbatim, and that example runs with the results its comments state", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block?.[1]).toBe(example);
    const { summary } = (await import("./readme-example.js")) as { summary: Record<string, unknown> };
    expect(summary).toEqual({
      trainRows: 150,
      testRows: 50,
      seen: 150,
      iris: [[150, 4], ["setosa", "versicolor", "virginica"], "CC BY 4.0"],
      pets: [[0, 1, 0], ["cat", "dog"]],
    });
  });

  it("lists every generator and loader the package exports", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const exports = Object.keys(await import("../src/index.js")).filter((name) => /^(make|load)[A-Z]/.test(name));
    expect(exports.length).toBe(9);
    for (const name of exports) expect(readme).toContain(`\`${name}`);
  });
});

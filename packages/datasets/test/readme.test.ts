import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

// Every code block of the README runs (test-support/readme-blocks.ts); here its results are checked.
describe("README", () => {
  it("the example runs with the results its comments state", async () => {
    const [example] = await runReadme(new URL("../README.md", import.meta.url));
    expect(example.exports.summary).toEqual({
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
    expect(exports.length).toBe(11);
    for (const name of exports) expect(readme).toContain(`\`${name}`);
  });
});

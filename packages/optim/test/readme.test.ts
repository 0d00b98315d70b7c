// The README's example is test/readme-example.ts verbatim, and it runs.
import { readFileSync } from "node:fs";
import { expect, it, vi } from "vitest";

it("README shows readme-example.ts verbatim", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
  const block = /<!-- example: test\/readme-example\.ts -->\s*```ts\n([\s\S]*?)```/.exec(readme);
  expect(block, "README needs the example block after its marker comment").not.toBeNull();
  expect(block?.[1]).toBe(example);
});

it("the README example fits y = 2x + 1", async () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  await import("./readme-example.js");
  expect(log).toHaveBeenCalledTimes(1);
  expect(String(log.mock.calls[0][0])).toMatch(/^w = 2\.000, b = 1\.000, state \d+ bytes$/);
  log.mockRestore();
});

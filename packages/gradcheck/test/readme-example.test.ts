// The README's example is this directory's readme-example.ts, verbatim; running it here keeps it true.
import { readFileSync } from "node:fs";
import { afterEach, expect, test, vi } from "vitest";

afterEach(() => vi.restoreAllMocks());

test("README.md contains readme-example.ts verbatim", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
  expect(readme).toContain("```ts\n" + example + "```");
});

test("the README example runs, and both checks pass", async () => {
  const printed: string[] = [];
  vi.spyOn(console, "log").mockImplementation((text: string) => void printed.push(text));
  await import("./readme-example.js");
  expect(printed).toHaveLength(2);
  expect(printed[0]).toMatch(/^gradcheck PASSED/);
  expect(printed[0]).toMatch(/^scale +\[3\] +3\/3 /m);
  expect(printed[1]).toMatch(/^gradcheck PASSED/);
  expect(printed[1]).toContain("(cast from float32)");
});

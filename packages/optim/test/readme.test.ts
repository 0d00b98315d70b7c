// Every code block of the README runs (test-support/readme-blocks.ts); here what it prints is checked.
import { expect, it } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

it("the README example fits y = 2x + 1", async () => {
  const [example] = await runReadme(new URL("../README.md", import.meta.url));
  expect(example.printed).toHaveLength(1);
  expect(example.printed[0]).toMatch(/^w = 2\.000, b = 1\.000, state \d+ bytes$/);
});

// Every code block of the README runs or says why not (test-support/readme-blocks.ts).
import { expect, it } from "vitest";
import { runReadme } from "../../test-support/readme-blocks.js";

it("the bench README: every block runs or says why not", async () => {
  await expect(runReadme(new URL("../README.md", import.meta.url))).resolves.toBeDefined();
});

// Every code block of this README and of docs/*.md runs, is checked as an excerpt of the source it
// cites, or says why it is not run (test-support/readme-blocks.ts).
import { readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

it("the experiments READMEs: every block runs or says why not", async () => {
  await expect(runReadme(new URL("../README.md", import.meta.url))).resolves.toBeDefined();
  await expect(runReadme(new URL("../reference/README.md", import.meta.url))).resolves.toBeDefined();
});

const docs = new URL("../../../docs/", import.meta.url);
for (const file of readdirSync(docs).filter((f) => f.endsWith(".md"))) {
  it(`docs/${file}: every block runs, is a true excerpt, or says why not`, async () => {
    await expect(runReadme(new URL(file, docs))).resolves.toBeDefined();
  });
}

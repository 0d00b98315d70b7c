// The README's code runs (test-support/readme-blocks.ts), and its table of address entries lists
// exactly the setting table's entries.
import { readFileSync } from "node:fs";
import { SETTING_FIELDS } from "@nn/studio";
import { expect, it } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

it("the README's Node run prints the epoch and the weights fingerprint", async () => {
  const [example] = await runReadme(new URL("../README.md", import.meta.url));
  expect(example.printed).toHaveLength(1);
  expect(example.printed[0]).toMatch(/^12 [0-9a-f]{16}$/);
});

it("the README's address table lists every entry of the setting table, in its order", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const rows = [...readme.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
  expect(rows).toEqual(SETTING_FIELDS.map((f) => (f.key === "standardize" ? "standardize" : f.flag)));
});

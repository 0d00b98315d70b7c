// The README's verdict table quotes the full run: each row's verdict must be the generated index's
// and its text a verbatim excerpt of the index's finding for that study, so no number in the
// README can drift from the committed results.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parseIndexRows } from "../src/report/index-report.js";
import { STUDIES } from "../src/studies/index.js";

it("the README's verdicts and findings are the full run's (experiments/results/index.md)", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const index = parseIndexRows(readFileSync(new URL("../../../experiments/results/index.md", import.meta.url), "utf8"));
  const rows = [...readme.matchAll(/^\| (\d+) \| \*\*(supported|not supported|inconclusive)\*\* \| (.*) \|$/gm)];
  expect(rows.length).toBe(STUDIES.length);
  expect(index.map((s) => s.id)).toEqual(STUDIES.map((s) => s.id));
  for (const [, n, verdict, text] of rows) {
    const study = index[Number(n) - 1];
    expect(verdict, study.id).toBe(study.verdict);
    for (const part of text.split(" … ")) expect(study.finding, study.id).toContain(part.replace(/\\\|/g, "|"));
  }
});

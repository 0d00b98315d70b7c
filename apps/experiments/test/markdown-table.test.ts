import { describe, expect, it } from "vitest";
import { markdownTable } from "../src/report/markdown-table.js";

describe("markdownTable", () => {
  it("writes a GitHub table: header, alignment rule (first column left, others right), rows", () => {
    const md = markdownTable(["lr", "loss"], [["0.1", "0.25"], ["1", "0.07"]]);
    expect(md).toBe("| lr | loss |\n| --- | ---: |\n| 0.1 | 0.25 |\n| 1 | 0.07 |\n");
  });

  it("escapes pipes inside cells", () => {
    expect(markdownTable(["a"], [["x | y"]])).toContain("| x \\| y |");
  });

  it("refuses a row with the wrong number of cells, naming the row", () => {
    expect(() => markdownTable(["a", "b"], [["1", "2"], ["3"]])).toThrow(/row 1 has 1 cells, the header has 2/);
  });
});

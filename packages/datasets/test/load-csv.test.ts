import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCsv, loadCsvSync } from "../src/node/index.js";

describe("loadCsvSync (and its deprecated name loadCsv)", () => {
  const dir = mkdtempSync(join(tmpdir(), "nn-datasets-"));

  it("reads a file the way parseCsv reads its text", () => {
    const path = join(dir, "ok.csv");
    writeFileSync(path, "x1,x2,label\n1,2,b\n3,4,a\n");
    const ds = loadCsvSync(path, { labelColumn: "label" });
    expect(ds.x.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(loadCsv(path, { labelColumn: "label" }).x.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(ds.classNames).toEqual(["a", "b"]);
    expect(Array.from(ds.y.data)).toEqual([1, 0]);
  });

  it("puts the file path in front of CSV errors", () => {
    const path = join(dir, "bad.csv");
    writeFileSync(path, "x1,x2,label\n1,?,b\n");
    expect(() => loadCsv(path)).toThrow(`${path}: CSV line 2, column 2 ("x2"): "?" is not a number`);
  });

  it("names the path of a file it cannot read", () => {
    const path = join(dir, "missing.csv");
    expect(() => loadCsvSync(path)).toThrow(`loadCsvSync: cannot read ${JSON.stringify(path)}`);
    expect(() => loadCsv(path)).toThrow(`loadCsv: cannot read ${JSON.stringify(path)}`);
  });
});

import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, parseCsvFeatures } from "../src/index.js";

function csvError(run: () => unknown): CsvError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return e as CsvError;
  }
  throw new Error("expected a CsvError");
}

// Issue 19 item 9: a headerless CSV lost its first row, which became the header.
describe("parseCsv: header detection", () => {
  it("reads a numeric first row as data", () => {
    const ds = parseCsv("1.5,2,0\n3,4,1\n");
    expect(ds.x.toArray()).toEqual([[1.5, 2], [3, 4]]);
    expect(Array.from(ds.y.data)).toEqual([0, 1]);
    expect(ds.featureNames).toBeUndefined();
  });

  it("reads a first row with a text label but numeric features as data", () => {
    const ds = parseCsv("4.5,25,cat\n30.5,60,dog\n");
    expect(ds.x.shape).toEqual([2, 2]);
    expect(ds.classNames).toEqual(["cat", "dog"]);
  });

  it("reads a first row with any non-numeric feature cell as a header, and follows an index label column", () => {
    const ds = parseCsv("label,x,y\n0,1,2\n1,3,4\n", { labelColumn: 0 });
    expect(ds.featureNames).toEqual(["x", "y"]);
    expect(ds.x.toArray()).toEqual([[1, 2], [3, 4]]);
  });

  it("lets an explicit header win both ways", () => {
    const forced = parseCsv("1,2,0\n3,4,1\n5,6,1\n", { header: true });
    expect(forced.featureNames).toEqual(["1", "2"]);
    expect(forced.x.shape).toEqual([2, 2]);
    expect(csvError(() => parseCsv("a,b,y\n1,2,0\n", { header: false })).message).toBe('CSV line 1, column 1: "a" is not a number');
  });
});

describe("parseCsv: numbers that overflow", () => {
  it("refuses 1e999 (Infinity in float64) naming line and column", () => {
    const e = csvError(() => parseCsv("a,b,y\n1,2,0\n3,1e999,1\n", { dtype: "float64" }));
    expect(e.message).toBe('CSV line 3, column 2 ("b"): "1e999" is too large: it overflows to Infinity');
    expect([e.line, e.column]).toEqual([3, 2]);
  });

  it("refuses 1e39 in float32 (largest float32 ≈ 3.4028e38) but keeps it in float64", () => {
    expect(csvError(() => parseCsv("a,y\n-1e39,0\n2,1\n")).message).toMatch(/^CSV line 2, column 1 \("a"\): "-1e39" is beyond float32's range/);
    expect(parseCsv("a,y\n-1e39,0\n2,1\n", { dtype: "float64" }).x.data[0]).toBe(-1e39);
    expect(parseCsv("a,y\n3.4028234e38,0\n2,1\n").x.data[0]).toBe(Math.fround(3.4028234e38));
  });
});

describe("parseCsv: a file read with the wrong delimiter", () => {
  it("suggests the semicolon that separates every line", () => {
    const e = csvError(() => parseCsv("a;b;y\n1;2;0\n3;4;1\n"));
    expect(e.message).toBe('CSV line 1: found 1 column with delimiter ","; need at least one feature column besides the label column; the lines hold ";" between values: is that the delimiter?');
    expect(e.suggestedDelimiter).toBe(";");
    expect(parseCsv("a;b;y\n1;2;0\n3;4;1\n", { delimiter: ";" }).x.toArray()).toEqual([[1, 2], [3, 4]]);
  });

  it("suggests a tab, and nothing for a true single column", () => {
    expect(csvError(() => parseCsv("a\tb\n1\t0\n")).suggestedDelimiter).toBe("\t");
    const lone = csvError(() => parseCsv("y\n0\n1\n"));
    expect(lone.suggestedDelimiter).toBeUndefined();
    expect(lone.message).not.toMatch(/is that the delimiter/);
  });
});

describe("parseCsv: option mistakes", () => {
  it("refuses duplicate classNames, which would shift every later index", () => {
    expect(() => parseCsv("a,y\n1,no\n", { classNames: ["no", "yes", "no"] })).toThrow('parseCsv: classNames lists "no" twice (at 0 and 2); each class needs one name');
  });

  it("refuses a text that is not a string", () => {
    expect(() => parseCsv(undefined as unknown as string)).toThrow("parseCsv: expected the CSV text as a string, got undefined");
  });
});

describe("parseCsvFeatures: rows to predict on", () => {
  it("reads a headerless file and a file with a header", () => {
    expect(parseCsvFeatures("1,2\n3,4\n").x.toArray()).toEqual([[1, 2], [3, 4]]);
    const named = parseCsvFeatures("a,b\n1,2\n");
    expect(named.featureNames).toEqual(["a", "b"]);
    expect(named.lines).toEqual([2]);
  });

  it("leaves out the label column of a training file: the one header name besides the features", () => {
    const f = parseCsvFeatures("a,species,b\n1,cat,2\n3,dog,4\n", { featureNames: ["a", "b"] });
    expect(f.x.toArray()).toEqual([[1, 2], [3, 4]]);
    expect([f.featureNames, f.ignoredColumn]).toEqual([["a", "b"], 1]);
    // Two unknown columns, or a feature missing: nothing is left out (the caller reports the width).
    expect(parseCsvFeatures("a,c,b\n1,2,3\n", { featureNames: ["a", "d"] }).ignoredColumn).toBeUndefined();
  });

  it("refuses a semicolon file read with commas, naming the likely delimiter", () => {
    const e = csvError(() => parseCsvFeatures("1;2\n3;4\n"));
    expect(e.message).toBe('CSV line 1: found 1 column with delimiter ","; the lines hold ";" between values: is that the delimiter?');
    expect(e.suggestedDelimiter).toBe(";");
  });

  it("reads a true one-column file", () => {
    expect(parseCsvFeatures("x\n1\n2\n").x.toArray()).toEqual([[1], [2]]);
  });

  it("names line and column of a cell that is not a finite float32", () => {
    expect(csvError(() => parseCsvFeatures("a,b\n1,2\n1e39,4\n", { source: "in.csv" })).message).toMatch(/^in\.csv: CSV line 3, column 1 \("a"\): "1e39" is beyond float32's range/);
  });
});

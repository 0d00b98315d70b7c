import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type ShippedDataset, loadBreastCancer, loadDigits, loadIris } from "../src/index.js";
import { classCounts, row } from "./helpers.js";

/**
 * data-raw/ holds scikit-learn's own files (sklearn/datasets/data of scikit-learn 1.2.1). Parsing
 * them here as scikit-learn does (one float64 per decimal text) must give exactly what the
 * compact encodings in src/data decode to.
 */
function rawRows(name: string): string[][] {
  const bytes = readFileSync(new URL(`../data-raw/${name}`, import.meta.url));
  const text = name.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  const lines = text.trim().split("\n");
  return (name.endsWith(".gz") ? lines : lines.slice(1)).map((l) => l.split(","));
}

function expectSameAsRaw(ds: ShippedDataset, name: string): void {
  const rows = rawRows(name);
  const f = ds.x.shape[1];
  expect(ds.x.shape).toEqual([rows.length, rows[0].length - 1]);
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < f; j++) {
      if (ds.x.data[i * f + j] !== Number(rows[i][j])) throw new Error(`${name} row ${i} column ${j}: decoded ${ds.x.data[i * f + j]}, file has ${rows[i][j]}`);
    }
    expect(ds.y.data[i]).toBe(Number(rows[i][f]));
  }
}

function columnStat(ds: ShippedDataset, j: number, reduce: (values: number[]) => number): number {
  const values: number[] = [];
  for (let i = 0; i < ds.x.shape[0]; i++) values.push(ds.x.data[i * ds.x.shape[1] + j]);
  return reduce(values);
}
const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;

describe("data-raw", () => {
  it("holds the scikit-learn files whose checksums data-raw/README.md records", () => {
    const readme = readFileSync(new URL("../data-raw/README.md", import.meta.url), "utf8");
    for (const name of ["iris.csv", "breast_cancer.csv", "digits.csv.gz"]) {
      const sha = createHash("sha256").update(readFileSync(new URL(`../data-raw/${name}`, import.meta.url))).digest("hex");
      expect(readme).toContain(`| ${name} | ${sha} |`);
    }
  });
});

describe("loadIris", () => {
  const ds = loadIris({ dtype: "float64" });

  it("decodes to exactly scikit-learn's iris.csv, rows and class indices in its order", () => {
    expectSameAsRaw(ds, "iris.csv");
  });

  it("has 150 rows of 4 features and 50 flowers per species", () => {
    expect(ds.x.shape).toEqual([150, 4]);
    expect(ds.numClasses).toBe(3);
    expect(classCounts(ds.y, 3)).toEqual([50, 50, 50]);
    expect(ds.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(ds.featureNames).toEqual(["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]);
  });

  it("carries Fisher's values for samples 35 and 38, not the UCI file's errata", () => {
    // Fisher (1936): sample 35 is 4.9, 3.1, 1.5, 0.2 and sample 38 is 4.9, 3.6, 1.4, 0.1 (1-based).
    // The UCI file has 4.9, 3.1, 1.5, 0.1 for both.
    expect(row(ds.x, 34)).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(row(ds.x, 37)).toEqual([4.9, 3.6, 1.4, 0.1]);
  });

  it("matches the published summary statistics", () => {
    // Fisher's data (as R's `iris`): column totals 876.5, 458.6, 563.7, 179.9 over 150 flowers,
    // i.e. means 5.8433, 3.0573, 3.758, 1.1993. scikit-learn's DESCR rounds them to 5.84, 3.76, 1.20
    // (its 3.05 for sepal width is the UCI file's, lowered by the sample 38 erratum).
    const published = [5.8433333, 3.0573333, 3.758, 1.1993333];
    const minMax = [[4.3, 7.9], [2.0, 4.4], [1.0, 6.9], [0.1, 2.5]];
    for (let j = 0; j < 4; j++) {
      expect(columnStat(ds, j, mean)).toBeCloseTo(published[j], 6);
      expect(columnStat(ds, j, (v) => Math.min(...v))).toBe(minMax[j][0]);
      expect(columnStat(ds, j, (v) => Math.max(...v))).toBe(minMax[j][1]);
    }
  });

  it("float32 by default: each value the float32 nearest the decimal", () => {
    const d32 = loadIris();
    expect(d32.x.dtype).toBe("float32");
    expect(d32.x.data.every((v, i) => v === Math.fround(ds.x.data[i]))).toBe(true);
  });

  it("returns fresh tensors each call, and states source and licence", () => {
    const a = loadIris();
    a.x.data[0] = 99;
    expect(loadIris().x.data[0]).toBeCloseTo(5.1, 6);
    expect(a.info.license).toBe("CC BY 4.0");
    expect(a.info.citation).toMatch(/Fisher \(1936\)/);
  });
});

describe("loadBreastCancer", () => {
  const ds = loadBreastCancer({ dtype: "float64" });

  it("decodes to exactly scikit-learn's breast_cancer.csv, value for value", () => {
    expectSameAsRaw(ds, "breast_cancer.csv");
  });

  it("has 569 rows of 30 features, 212 malignant (class 0) and 357 benign (class 1)", () => {
    expect(ds.x.shape).toEqual([569, 30]);
    expect(classCounts(ds.y, 2)).toEqual([212, 357]);
    expect(ds.classNames).toEqual(["malignant", "benign"]);
    expect(ds.featureNames.slice(0, 2)).toEqual(["mean radius", "mean texture"]);
    expect(ds.featureNames[10]).toBe("radius error");
    expect(ds.featureNames[29]).toBe("worst fractal dimension");
    expect(ds.info.license).toBe("CC BY 4.0");
  });

  it("matches the per-feature minimum and maximum published in scikit-learn's DESCR (3 decimals)", () => {
    // breast_cancer.rst, "Summary Statistics", in feature order.
    const published = [
      [6.981, 28.11], [9.71, 39.28], [43.79, 188.5], [143.5, 2501.0], [0.053, 0.163], [0.019, 0.345], [0.0, 0.427], [0.0, 0.201], [0.106, 0.304], [0.05, 0.097],
      [0.112, 2.873], [0.36, 4.885], [0.757, 21.98], [6.802, 542.2], [0.002, 0.031], [0.002, 0.135], [0.0, 0.396], [0.0, 0.053], [0.008, 0.079], [0.001, 0.03],
      [7.93, 36.04], [12.02, 49.54], [50.41, 251.2], [185.2, 4254.0], [0.071, 0.223], [0.027, 1.058], [0.0, 1.252], [0.0, 0.291], [0.156, 0.664], [0.055, 0.208],
    ];
    for (let j = 0; j < 30; j++) {
      expect(Math.abs(columnStat(ds, j, (v) => Math.min(...v)) - published[j][0])).toBeLessThanOrEqual(0.0005 + 1e-12);
      expect(Math.abs(columnStat(ds, j, (v) => Math.max(...v)) - published[j][1])).toBeLessThanOrEqual(0.0005 + 1e-12);
    }
  });

  it("matches the commonly published feature means", () => {
    // Means over the 569 rows: mean radius 14.127, mean texture 19.290, worst area 880.58.
    expect(columnStat(ds, 0, mean)).toBeCloseTo(14.127, 3);
    expect(columnStat(ds, 1, mean)).toBeCloseTo(19.290, 3);
    expect(columnStat(ds, 23, mean)).toBeCloseTo(880.58, 2);
  });
});

describe("loadDigits", () => {
  const ds = loadDigits({ dtype: "float64" });

  it("decodes to exactly scikit-learn's digits.csv.gz (UCI optdigits.tes), row for row", () => {
    expectSameAsRaw(ds, "digits.csv.gz");
  });

  it("has 1797 images of 8×8 integer pixels in 0..16 and scikit-learn's class counts", () => {
    expect(ds.x.shape).toEqual([1797, 64]);
    expect(ds.numClasses).toBe(10);
    expect(classCounts(ds.y, 10)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(ds.x.data.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
    expect(ds.featureNames[9]).toBe("pixel_1_1");
    expect(ds.classNames[7]).toBe("7");
  });

  it("float32 holds the same integers", () => {
    const d32 = loadDigits().x.data;
    expect(d32.every((v, i) => v === ds.x.data[i])).toBe(true);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "nn-train-csv-"));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function rows(label: (i: number) => string, delimiter = ","): string {
  return Array.from({ length: 20 }, (_, i) => [(i % 7) / 7, (i % 3) / 3, label(i)].join(delimiter)).join("\n") + "\n";
}

// Issue 15's CSV checks, in the words the CLI uses.
describe("nn train --data file.csv", () => {
  it("maps labels 1 and 5 to two classes and keeps their names in the model", async () => {
    const data = write("one-five.csv", "a,b,y\n" + rows((i) => (i % 2 === 0 ? "1" : "5")));
    const model = join(dir, "one-five.json");
    const r = await runCli(["train", "--data", data, "--epochs", "2", "--layers", "2", "--save", model]);
    expect(r.code).toBe(0);
    const meta = (JSON.parse(readFileSync(model, "utf8")) as { metadata: { classNames: string[] } }).metadata;
    expect(meta.classNames).toEqual(["1", "5"]);
  });

  // Issue 19 item 7: a label of 1000000000 allocated a one-hot of a billion classes (32 GB).
  it("reads a label of 1000000000 as one of two classes", async () => {
    const data = write("billion.csv", "a,b,y\n" + rows((i) => (i % 2 === 0 ? "0" : "1000000000")));
    const model = join(dir, "billion.json");
    const r = await runCli(["train", "--data", data, "--epochs", "2", "--layers", "2", "--save", model]);
    expect(r.code).toBe(0);
    const meta = (JSON.parse(readFileSync(model, "utf8")) as { metadata: { classNames: string[] } }).metadata;
    expect(meta.classNames).toEqual(["0", "1000000000"]);
  });

  // Issue 19 item 6, through the CLI: the 14 kB file that declared outFeatures 1073741824.
  it("nn summary refuses a model file declaring a huge layer, naming the field", async () => {
    const model = join(dir, "one-five.json");
    const file = JSON.parse(readFileSync(model, "utf8")) as { layers: { config: Record<string, unknown> }[] };
    file.layers[0].config.outFeatures = 1073741824;
    const hostile = write("hostile.json", JSON.stringify(file));
    const r = await runCli(["summary", "--model", hostile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `nn summary: ${hostile} is not a usable model file: model file: layers[0].config.outFeatures is 1073741824, more than the 16777216 a model file may declare (a corrupt or hostile file?)\n`,
    );
  });

  it("refuses a file with a single class", async () => {
    const data = write("single.csv", "a,b,y\n" + rows(() => "yes"));
    const r = await runCli(["train", "--data", data, "--epochs", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`nn: cannot train on ${data}: every row has the label "yes" in the last column; a classifier needs at least two classes (is --label-column right?)\n`);
  });

  it("names the likely delimiter of a semicolon file", async () => {
    const data = write("semicolons.csv", "a;b;y\n" + rows((i) => String(i % 2), ";"));
    const r = await runCli(["train", "--data", data, "--epochs", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/found 1 column with delimiter ","; .*the lines hold ";" between values: is that the delimiter\?; nn reads comma-separated files/);
  });

  it("reads a headerless file's first row as data", async () => {
    const data = write("headerless.csv", rows((i) => String(i % 2)));
    const model = join(dir, "headerless.json");
    const r = await runCli(["train", "--data", data, "--epochs", "2", "--layers", "2", "--test-split", "0", "--save", model]);
    expect(r.code).toBe(0);
    // The saved scaler's mean of column 1 is over all 20 rows: Σ (i mod 7)/7 for i < 20 is 57/7.
    const meta = (JSON.parse(readFileSync(model, "utf8")) as { metadata: { inputScaler: { mean: number[] }; featureNames: string[] } }).metadata;
    expect(meta.inputScaler.mean[0]).toBeCloseTo(57 / 7 / 20, 6); // float32 data; 19 rows would give 0.4286
    expect(meta.featureNames).toEqual(["x0", "x1"]);
  });
});

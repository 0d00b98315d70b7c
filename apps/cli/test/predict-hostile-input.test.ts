import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv } from "@nn/datasets";
import { type JsonObject, Sequential } from "@nn/layers";
import { beforeAll, describe, expect, it } from "vitest";
import { csvField } from "../src/commands/predictions-csv.js";
import { runCli } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "nn-predict-hostile-"));
const modelPath = join(dir, "m.json");
const trainPath = join(dir, "train.csv");

// Two well-separated clusters whose class names need quoting (a comma) and neutralising (a
// leading "="), as in issue 19 item 9.
function trainingCsv(): string {
  const rows = ["a,b,label"];
  for (let i = 0; i < 40; i++) {
    const t = (i % 10) / 10;
    rows.push(i % 2 === 0 ? `${-2 - t},${-1 + t},"cls, 1"` : `${2 + t},${1 - t},=SUM(A1)`);
  }
  return rows.join("\n") + "\n";
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  writeFileSync(trainPath, trainingCsv());
  const r = await runCli(["train", "--data", trainPath, "--epochs", "60", "--optimizer", "adam", "--lr", "0.05", "--layers", "4", "--test-split", "0", "--save", modelPath]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});

describe("csvField: RFC 4180 output with formula cells neutralised", () => {
  it("quotes commas, quotes and line breaks; leaves plain text and numbers alone", () => {
    expect(csvField("cls, 1")).toBe('"cls, 1"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("setosa")).toBe("setosa");
    expect(csvField("0.25")).toBe("0.25");
  });

  it("prefixes a single quote to text starting with = + - @ tab or CR, but not to -1.5 or +2e3", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("+cmd")).toBe("'+cmd");
    expect(csvField("-x")).toBe("'-x");
    expect(csvField("@here")).toBe("'@here");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField("\r=1")).toBe("\"'\r=1\"");
    expect(csvField("-1.5")).toBe("-1.5");
    expect(csvField("+2e3")).toBe("+2e3");
  });
});

describe("nn predict on hostile and careless inputs", () => {
  it("accepts the training file itself (its label column is left out) and writes RFC 4180 output", async () => {
    const r = await runCli(["predict", "--model", modelPath, "--input", trainPath]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe('class,p_=SUM(A1),"p_cls, 1"'); // classes in sorted order: "=" sorts before "c"
    expect(lines).toHaveLength(41);
    expect(lines[1].startsWith('"cls, 1",')).toBe(true);
    expect(lines[2].startsWith("'=SUM(A1),")).toBe(true);
    // Read back as CSV: three columns on every row, whatever the class names hold.
    const back = parseCsv(r.stdout, { labelColumn: "class", header: true });
    expect(back.x.shape).toEqual([40, 2]);
    expect(back.classNames).toEqual(["'=SUM(A1)", "cls, 1"]);
  });

  it("reads a headerless input's first row as data", async () => {
    const r = await runCli(["predict", "--model", modelPath, "--input", write("two.csv", "-2,-1\n2,1\n")]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(3);
  });

  it("refuses 1e39, which overflows float32, naming line and column", async () => {
    const input = write("overflow.csv", "a,b\n1,2\n1e39,0\n");
    const r = await runCli(["predict", "--model", modelPath, "--input", input]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^nn predict: ${input}: CSV line 3, column 1 \\("a"\\): "1e39" is beyond float32's range`));
  });

  it("refuses 1e999 and names the field of a width mismatch", async () => {
    const r = await runCli(["predict", "--model", modelPath, "--input", write("inf.csv", "a,b\n1e999,0\n")]);
    expect(r.stderr).toMatch(/CSV line 2, column 1 \("a"\): "1e999" is too large/);
    const wide = write("wide.csv", "a,c,d\n1,2,3\n");
    const w = await runCli(["predict", "--model", modelPath, "--input", wide]);
    expect(w.code).toBe(2);
    // Nothing is left out: with two unknown names the file does not look like the training file.
    expect(w.stderr).toBe(`nn predict: ${wide} has 3 columns, the model takes 2 (a, b); header (line 1): missing "b"; not a feature of the model: "c", "d"\n`);
  });

  it("names the likely delimiter of a semicolon input", async () => {
    const input = write("semicolons.csv", "a;b\n1;2\n");
    const r = await runCli(["predict", "--model", modelPath, "--input", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `nn predict: ${input}: CSV line 1: found 1 column with delimiter ","; the lines hold ";" between values: is that the delimiter?; nn reads comma-separated files: save it with commas between the values\n`,
    );
  });

  it("names the file and both fields when the saved input width disagrees with the first layer", async () => {
    const file = JSON.parse(readFileSync(modelPath, "utf8")) as { metadata: JsonObject };
    file.metadata.inputFeatures = 3;
    const bad = write("width3.json", JSON.stringify(file));
    const r = await runCli(["predict", "--model", bad, "--input", trainPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`nn predict: ${bad}: metadata.inputFeatures is 3, but the model's layers.0 Dense(2→4) does not take it (expected input [n, 2], got [n, 3])\n`);
  });

  it("refuses a model with a NaN weight, naming the parameter", async () => {
    const model = Sequential.fromJSON(readFileSync(modelPath, "utf8"));
    model.parameters()[2].value.data[1] = Number.NaN;
    const bad = write("nan.json", JSON.stringify(model.toJSON()));
    const r = await runCli(["predict", "--model", bad, "--input", trainPath]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^nn predict: ${bad}: parameter layers\\.2\\.weight \\[4,1\\] holds NaN at index 1: `));
  });

  it("refuses a saved scale of 0 or 1e-300, naming metadata.inputScaler.scale[j]", async () => {
    const file = JSON.parse(readFileSync(modelPath, "utf8")) as { metadata: JsonObject };
    const scaler = file.metadata.inputScaler as { scale: number[] };
    scaler.scale[1] = 1e-300;
    const tiny = write("tiny.json", JSON.stringify(file));
    const r = await runCli(["predict", "--model", tiny, "--input", trainPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/: metadata\.inputScaler\.scale\[1\] is 1e-300, which would turn inputs into Infinity or NaN/);
    scaler.scale[1] = 0;
    const zero = await runCli(["predict", "--model", write("zero.json", JSON.stringify(file)), "--input", trainPath]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/inputScaler/);
  });

  it("refuses an input the saved scaling sends to Infinity, naming line and column", async () => {
    const file = JSON.parse(readFileSync(modelPath, "utf8")) as { metadata: JsonObject };
    (file.metadata.inputScaler as { scale: number[] }).scale[0] = 2 ** -120;
    const small = write("small-scale.json", JSON.stringify(file));
    const input = write("big.csv", "a,b\n1,0\n3e38,0\n");
    // Row 1 scales to about 1.3e36 (finite); row 2 to 3e38 · 2^120, past float32.
    const r = await runCli(["predict", "--model", small, "--input", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^nn predict: ${input} line 3, column 1 \\("a"\\): 3e\\+38 becomes Infinity after the model's saved input scaling`));
  });
});

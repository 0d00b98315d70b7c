// Train from a CSV file with a header and string labels.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCsv } from "@nn/datasets/node";
import { BinaryCrossEntropyLoss, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { Adam } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { evaluate, fit } from "@nn/train";
import { check } from "./check.js";

// Points inside the unit circle are "in", outside "out"; written as a CSV file.
const rng = createRng(5);
const rows = ["x,y,where"];
for (let i = 0; i < 300; i++) {
  const a = 2 * rng.next() - 1, b = 2 * rng.next() - 1;
  rows.push(`${a.toFixed(4)},${b.toFixed(4)},${a * a + b * b < 0.5 ? "in" : "out"}`);
}
const path = join(mkdtempSync(join(tmpdir(), "nn-trial-")), "points.csv");
writeFileSync(path, rows.join("\n") + "\n");

const data = loadCsv(path, { labelColumn: "where" });
check(data.x.shape.join() === "300,2" && data.classNames?.join() === "in,out", `read 300 rows, classes ${data.classNames?.join()}`);
const model = new Sequential([new Dense(2, 16, { rng }), new ReLU(), new Dense(16, 1, { rng }), new Sigmoid()]);
const loss = new BinaryCrossEntropyLoss();
fit(model, { loss, optimizer: new Adam(model.parameters(), { lr: 0.03 }), train: data, epochs: 60 });
const result = evaluate(model, data, { loss, metrics: ["accuracy"] });
check(result.accuracy >= 0.9, `≥ 90% training accuracy, got ${result.accuracy}`);
console.log(`ok CSV: accuracy ${(result.accuracy * 100).toFixed(1)}% on ${data.x.shape[0]} rows`);

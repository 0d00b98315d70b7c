import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkOutputPath, writeFileSafely } from "@nn/layers/node";

const dir = mkdtempSync(join(tmpdir(), "nn-"));
symlinkSync("weights-v2.json", join(dir, "current.json"));
await writeFileSafely(join(dir, "current.json"), "{}"); // creates weights-v2.json; current.json stays a link
export const written = readFileSync(join(dir, "weights-v2.json"), "utf8");

let refused = "";
try {
  checkOutputPath(join(dir, "missing", "m.json"));
} catch (error) {
  refused = (error as Error).message; // "cannot write …/missing/m.json: the directory …/missing does not exist"
}
export const namesTheDirectory = refused.endsWith(`the directory ${join(dir, "missing")} does not exist`);

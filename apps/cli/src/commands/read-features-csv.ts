import { readFile } from "node:fs/promises";
import { Tensor } from "@nn/tensor";
import { UsageError } from "../args/usage-error.js";

/**
 * Reads a CSV of raw feature rows for `nn predict`: numbers only, an optional header line, every
 * row exactly `width` columns. Errors name the file, the line (1-based, header included) and column.
 */
export async function readFeaturesCsv(command: string, path: string, width: number, featureNames: readonly string[]): Promise<Tensor> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`nn ${command}: cannot read ${path}${code === "ENOENT" ? ": no such file" : ""}`);
  }
  const lines = text.split(/\r?\n/);
  const rows: number[][] = [];
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    const cells = line.split(",").map((c) => c.trim());
    const numeric = cells.every((c) => c !== "" && Number.isFinite(Number(c)));
    if (!numeric && !headerSeen && rows.length === 0) {
      headerSeen = true;
      checkWidth(command, path, i + 1, cells.length, width, featureNames);
      continue;
    }
    checkWidth(command, path, i + 1, cells.length, width, featureNames);
    const row = cells.map((c, j) => {
      const v = Number(c);
      if (c === "" || !Number.isFinite(v)) {
        throw new UsageError(`nn ${command}: ${path} line ${i + 1}, column ${j + 1}: expected a number, got ${c === "" ? "an empty cell" : JSON.stringify(c)}`);
      }
      return v;
    });
    rows.push(row);
  }
  if (rows.length === 0) throw new UsageError(`nn ${command}: ${path} has no data rows`);
  const data = new Float32Array(rows.length * width);
  rows.forEach((row, r) => data.set(row, r * width));
  return new Tensor(data, [rows.length, width]);
}

function checkWidth(command: string, path: string, line: number, got: number, width: number, names: readonly string[]): void {
  if (got !== width) {
    throw new UsageError(
      `nn ${command}: ${path} line ${line} has ${got} column${got === 1 ? "" : "s"}, the model expects ${width} (${names.join(", ")})`,
    );
  }
}

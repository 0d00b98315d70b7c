import { readFile } from "node:fs/promises";
import { CsvError, parseCsvFeatures } from "@nn/datasets";
import type { DType, Tensor } from "@nn/tensor";
import { UsageError } from "../args/usage-error.js";
import { delimiterAdvice } from "../session/load-data.js";

/** Feature rows for `nn predict`, with the file line of each row for later errors. */
export interface FeatureRows {
  readonly x: Tensor;
  readonly lines: readonly number[];
  readonly featureNames: readonly string[] | undefined;
}

/**
 * Reads a CSV of raw feature rows for `nn predict` (parseCsvFeatures: optional header, numbers
 * only, nothing that overflows float32). The training file itself is accepted: a header holding
 * the model's features and one more column has that column (the labels) left out. Errors name
 * the file, the line (1-based, header included) and the column.
 */
export async function readFeaturesCsv(command: string, path: string, width: number, featureNames: readonly string[], dtype: DType = "float32"): Promise<FeatureRows> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`nn ${command}: cannot read ${path}${code === "ENOENT" ? ": no such file" : code === "EISDIR" ? ": it is a directory" : ""}`);
  }
  let rows: ReturnType<typeof parseCsvFeatures>;
  try {
    rows = parseCsvFeatures(text, { source: path, featureNames, dtype });
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`nn ${command}: ${error.message}${delimiterAdvice(error)}`);
    throw error;
  }
  const got = rows.x.shape[1];
  if (got !== width) throw new UsageError(`nn ${command}: ${widthMismatch(path, rows.lines[0], got, width, featureNames, rows.featureNames)}`);
  return { x: rows.x, lines: rows.lines, featureNames: rows.featureNames };
}

/** Which file, which line, and with a header which fields are missing or extra. */
function widthMismatch(path: string, firstLine: number, got: number, width: number, expected: readonly string[], header: readonly string[] | undefined): string {
  const base = `${path} has ${got} column${got === 1 ? "" : "s"}, the model takes ${width} (${expected.join(", ")})`;
  if (header === undefined) return `${base}; first data row: line ${firstLine}`;
  const missing = expected.filter((name) => !header.includes(name));
  const extra = header.filter((name) => !expected.includes(name));
  const parts = [
    missing.length > 0 ? `missing ${missing.map((n) => JSON.stringify(n)).join(", ")}` : "",
    extra.length > 0 ? `not a feature of the model: ${extra.map((n) => JSON.stringify(n)).join(", ")}` : "",
  ].filter((p) => p !== "");
  return `${base}; header (line ${firstLine - 1})${parts.length > 0 ? `: ${parts.join("; ")}` : ""}`;
}

import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import type { Layer, Sequential } from "@nn/layers";
import { type ExportOptions, exportONNX } from "../export.js";
import { importONNX } from "../import.js";

/** Writes `model` as an ONNX file atomically: a temporary file in the same folder, then a rename. */
export async function saveONNX(model: Layer, path: string, options?: ExportOptions): Promise<void> {
  const bytes = exportONNX(model, options);
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Reads an ONNX file into a Sequential; errors name the file. */
export async function loadONNX(path: string): Promise<Sequential> {
  const bytes = await readFile(path);
  try {
    return importONNX(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    if (e instanceof Error) e.message = `${path}: ${e.message}`;
    throw e;
  }
}

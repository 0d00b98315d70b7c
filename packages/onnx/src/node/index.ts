import { readFile } from "node:fs/promises";
import type { Layer, Sequential } from "@nn/layers";
import { writeFileSafely } from "@nn/layers/node";
import { type ExportOptions, exportONNX } from "../export.js";
import { importONNX } from "../import.js";

/**
 * Writes `model` as an ONNX file with `writeFileSafely` from `@nn/layers/node`: a regular file is
 * replaced atomically (temporary file, flush, rename), links are followed, a device or FIFO is
 * written in place, a directory is refused; errors name `path`.
 */
export async function saveONNX(model: Layer, path: string, options?: ExportOptions): Promise<void> {
  await writeFileSafely(path, exportONNX(model, options));
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

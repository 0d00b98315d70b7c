import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { Sequential } from "../containers/sequential.js";
import type { JsonObject } from "../json.js";

/**
 * Writes the model file atomically: the JSON goes to `<path>.<pid>.tmp` first and is renamed over
 * `path` only once fully written, so a crash or a failed write never leaves a half-written model
 * (rename within one directory is atomic on POSIX file systems and on NTFS).
 */
export async function saveModel(model: Sequential, path: string, metadata?: JsonObject): Promise<void> {
  const text = JSON.stringify(model.toJSON(metadata));
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text, { encoding: "utf8", flag: "w" });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true, recursive: false }).catch(() => undefined);
    throw e;
  }
}

/** Reads a model file written by `saveModel` (or `JSON.stringify(model.toJSON())`). */
export async function loadModel(path: string): Promise<Sequential> {
  const text = await readFile(path, "utf8");
  return Sequential.fromJSON(text);
}

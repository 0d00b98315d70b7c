import { readFile } from "node:fs/promises";
import { Sequential } from "../containers/sequential.js";
import type { JsonCompatible } from "../json.js";
import { writeFileSafely } from "./write-file-safely.js";

/**
 * Writes the model file with `writeFileSafely`: a regular file is replaced atomically (temporary
 * file, flush, rename), so a crash or a failed write never leaves a half-written model; a symbolic
 * link stays a link; a device or FIFO is written in place; a directory is refused. Errors are
 * OutputPathErrors naming `path`.
 */
export async function saveModel<M extends object>(model: Sequential, path: string, metadata?: M & JsonCompatible<M>): Promise<void> {
  await writeFileSafely(path, JSON.stringify(model.toJSON<M>(metadata)));
}

/** Reads a model file written by `saveModel` (or `JSON.stringify(model.toJSON())`). */
export async function loadModel(path: string): Promise<Sequential> {
  const text = await readFile(path, "utf8");
  return Sequential.fromJSON(text);
}

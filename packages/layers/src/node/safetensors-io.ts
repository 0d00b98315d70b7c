import { readFile } from "node:fs/promises";
import type { Sequential } from "../containers/sequential.js";
import { type LoadSafetensorsOptions, type LoadedSafetensors, loadSafetensors, modelFromSafetensors } from "../safetensors/load-safetensors.js";
import { type ToSafetensorsOptions, toSafetensors } from "../safetensors/to-safetensors.js";
import { writeFileSafely } from "./write-file-safely.js";

async function readBytes(path: string): Promise<Uint8Array> {
  const buffer = await readFile(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Writes `toSafetensors(model, options)` to `path` with `writeFileSafely` (atomic replace; OutputPathError naming `path`). */
export async function saveSafetensors(model: Sequential, path: string, options: ToSafetensorsOptions): Promise<void> {
  await writeFileSafely(path, toSafetensors(model, options));
}

/** Loads the weights of the safetensors file at `path` into `model` (see `loadSafetensors`). */
export async function loadSafetensorsFile(model: Sequential, path: string, options: LoadSafetensorsOptions): Promise<LoadedSafetensors> {
  return loadSafetensors(model, await readBytes(path), options);
}

/** Rebuilds the model a safetensors file with nn naming holds (see `modelFromSafetensors`). */
export async function modelFromSafetensorsFile(path: string): Promise<Sequential> {
  return modelFromSafetensors(await readBytes(path));
}

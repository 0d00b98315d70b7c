/** Writes report files with `writeFileSafely` of @nn/layers/node (temporary file, flush, rename; links followed). */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileSafely } from "@nn/layers/node";

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await writeFileSafely(path, content);
}

export async function writeFiles(outDir: string, files: Record<string, string>): Promise<void> {
  for (const name of Object.keys(files).sort()) await writeFileAtomic(join(outDir, name), files[name]);
}

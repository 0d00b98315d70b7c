/** Writes report files atomically: a temporary file in the same folder, then a rename. */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export function writeFiles(outDir: string, files: Record<string, string>): void {
  for (const name of Object.keys(files).sort()) writeFileAtomic(join(outDir, name), files[name]);
}

import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Builds the site as `turbo run build` does (the same vite.config.ts), into a fresh folder; returns it. */
export async function buildSite(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "nn-playground-"));
  await build({ root: APP_DIR, configFile: join(APP_DIR, "vite.config.ts"), logLevel: "silent", mode: "production", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Every file of the built site below `dir`, relative paths. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/** Bytes of each JavaScript file of the site, raw and gzipped (level 9). */
export function javascriptSizes(dir: string): { file: string; bytes: number; gzipped: number }[] {
  return siteFiles(dir).filter((f) => f.endsWith(".js")).map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
  });
}

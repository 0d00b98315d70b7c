/** Finds the monorepo root (the folder holding pnpm-workspace.yaml) above a starting folder. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${start}: pass --out <dir>`);
    dir = parent;
  }
}

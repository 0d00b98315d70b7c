#!/usr/bin/env node
// `npx nn …` from the repository root (after `npm run setup`): runs the CLI, building it first
// when it has not been built yet (`npm run build` rebuilds it after a change).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import process from "node:process";
import { fileURLToPath, pathToFileURL, URL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = `${root}apps/cli/dist/cli.js`;
if (!existsSync(cli)) {
  process.stderr.write("nn: building the CLI once (npm run build does it after a change)…\n");
  execFileSync("npx", ["turbo", "run", "build", "--filter=@nn/cli...", "--output-logs=errors-only"], {
    cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
}
await import(pathToFileURL(cli).href);

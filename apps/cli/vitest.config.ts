import { defineConfig } from "vitest/config";
import { workspaceAliases } from "../../vitest.shared.js";

export default defineConfig({
  resolve: { alias: workspaceAliases },
  // Ink screens and the tmux end-to-end test poll a live UI; on a loaded 2-core machine a frame can
  // take a few hundred milliseconds, so the limits are generous (tests finish as soon as they pass).
  test: { include: ["test/**/*.test.{ts,tsx}"], testTimeout: 60_000, hookTimeout: 120_000 },
});

import { defineConfig } from "vitest/config";
import { workspaceAliases } from "../../vitest.shared.js";

export default defineConfig({
  resolve: { alias: workspaceAliases },
  // Training tests do real work; on a loaded 2-core CI machine 5 s is too tight a ceiling.
  test: { include: ["test/**/*.test.{ts,tsx}"], testTimeout: 30_000 },
});

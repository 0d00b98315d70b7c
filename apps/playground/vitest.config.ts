import { defineConfig } from "vitest/config";
import { testLimits, workspaceAliases } from "../../vitest.shared.js";

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { include: ["test/**/*.test.ts"], ...testLimits },
});

import { defineConfig } from "vitest/config";
import { testLimits, workspaceAliases } from "../../vitest.shared.js";

export default defineConfig({
  resolve: { alias: workspaceAliases },
  // Training tests do real work; the shared limits only catch hangs (a tanh run took 33 s of a
  // 30 s limit on a 2-core machine at load 30, where it takes 4 s alone).
  test: { include: ["test/**/*.test.{ts,tsx}"], ...testLimits },
});

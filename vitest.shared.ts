// Tests import sibling packages from their sources, so `vitest run` inside one package needs no
// prior build and always sees the current code. Published consumers go through dist (see .ci/run).
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

const sources: Array<[string, string]> = [
  ["@nn/tensor", "packages/tensor/src/index.ts"],
  ["@nn/tensor/node", "packages/tensor/src/node/index.ts"],
  ["@nn/layers", "packages/layers/src/index.ts"],
  ["@nn/layers/node", "packages/layers/src/node/index.ts"],
  ["@nn/optim", "packages/optim/src/index.ts"],
  ["@nn/gradcheck", "packages/gradcheck/src/index.ts"],
  ["@nn/datasets", "packages/datasets/src/index.ts"],
  ["@nn/datasets/node", "packages/datasets/src/node/index.ts"],
  ["@nn/train", "packages/train/src/index.ts"],
  ["@nn/train/node", "packages/train/src/node/index.ts"],
  ["@nn/onnx", "packages/onnx/src/index.ts"],
  ["@nn/autograd", "packages/autograd/src/index.ts"],
  ["@nn/onnx/node", "packages/onnx/src/node/index.ts"],
  ["@nn/studio", "packages/studio/src/index.ts"],
];

/** Exact-match aliases (`@nn/layers` must not swallow `@nn/layers/node`). */
export const workspaceAliases = sources.map(([name, file]) => ({
  find: new RegExp(`^${name.replace(/[/]/g, "\\/")}$`),
  replacement: `${root}${file}`,
}));

/**
 * Tests assert behaviour, never wall-clock time. CI runs every package's suite at once on two cores,
 * so a test that takes 1 s alone can take 20 s there: the limits only catch hangs.
 */
export const testLimits = { testTimeout: 120_000, hookTimeout: 180_000 };

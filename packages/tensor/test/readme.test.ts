import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

describe("README", () => {
  it("shows test/readme-example.ts verbatim, and that example runs", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block?.[1]).toBe(example);

    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const result = await import("./readme-example.js");
    log.mockRestore();
    for (const s of result.rowSums.data) expect(s).toBeCloseTo(1, 14);
    // The predicted class of each row is the larger of its two probabilities.
    const p = result.probs.toArray() as number[][];
    expect(Array.from(result.predicted.data)).toEqual(p.map((row) => (row[1] > row[0] ? 1 : 0)));
    expect(result.big).toEqual([0.25, 0.25, 0.25, 0.25]);
    // Each row of p − y sums to 0, so each row of dW = xᵀ(p − y)/n sums to 0 too.
    expect(result.dW.shape).toEqual([3, 2]);
    for (const row of result.dW.toArray() as number[][]) expect(row[0] + row[1]).toBeCloseTo(0, 14);
    expect(Math.abs(result.dW.data[0])).toBeGreaterThan(0);
  });
});

describe("README options example", () => {
  it("shows test/readme-options-example.ts verbatim, and its comments are the results", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-options-example.ts", import.meta.url), "utf8");
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toContain(example);
    const result = await import("./readme-options-example.js");
    expect(result.distance).toBe(1);
    expect(result.suggestion).toBe("moons");
    expect(result.message).toBe('SGD: unknown option "momentun" (did you mean "momentum"?)');
  });
});

/** Functions of one number, documented in their own README paragraph rather than the op table. */
const SCALAR_FUNCTIONS = ["sigmoid", "erf", "erfc", "normalCdf", "expMinusHalfSquare"];

describe("README op table", () => {
  it("documents every scalar function", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const paragraph = readme.slice(readme.indexOf("**Scalar functions**"));
    const api: Record<string, unknown> = await import("../src/index.js");
    for (const name of SCALAR_FUNCTIONS) {
      expect(typeof api[name], `${name} is exported`).toBe("function");
      expect(paragraph, `README scalar paragraph is missing ${name}`).toMatch(new RegExp(`\\b${name}\\(`));
    }
  });

  it("lists every exported op", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("## Ops"), readme.indexOf("**Broadcasting**"));
    const api = await import("../src/index.js");
    // Everything exported that is not a class, creation function, shape helper or backend switch is an op.
    const notOps = new Set([
      "Tensor", "ShapeError", "DEFAULT_DTYPE", "promoteTypes", "formatShape", "broadcastShapes", "sizeOf", "stridesOf",
      "sameShape", "validateShape", "normalizeAxis", "axisLayout", "createRng", "tensor", "zeros", "ones", "full", "randn", "rand",
      "arange", "eye", "checkOptions", "optionKeys", "UnknownOptionError", "editDistance", "closestName", "didYouMean", "kernels", "setKernels", "setBackend", "jsKernels", "wasmKernels", ...SCALAR_FUNCTIONS,
    ]);
    const ops = Object.keys(api).filter((name) => !notOps.has(name));
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const name of ops) expect(table, `README op table is missing ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

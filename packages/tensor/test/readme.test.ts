import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Tensor } from "../src/index.js";
import { runReadme } from "../../../test-support/readme-blocks.js";

// Every code block of the README runs (test-support/readme-blocks.ts); here its results are checked.
describe("README", () => {
  it("every block runs, with the results its comments state", async () => {
    const [example, options] = await runReadme(new URL("../README.md", import.meta.url));
    const result = example.exports as { rowSums: Tensor; probs: Tensor; predicted: Tensor; big: number[]; dW: Tensor };
    for (const s of result.rowSums.data) expect(s).toBeCloseTo(1, 14);
    // The predicted class of each row is the larger of its two probabilities.
    const p = result.probs.toArray() as number[][];
    expect(Array.from(result.predicted.data)).toEqual(p.map((row) => (row[1] > row[0] ? 1 : 0)));
    expect(result.big).toEqual([0.25, 0.25, 0.25, 0.25]);
    // Each row of p − y sums to 0, so each row of dW = xᵀ(p − y)/n sums to 0 too.
    expect(result.dW.shape).toEqual([3, 2]);
    for (const row of result.dW.toArray() as number[][]) expect(row[0] + row[1]).toBeCloseTo(0, 14);
    expect(Math.abs(result.dW.data[0])).toBeGreaterThan(0);
    // "trian" → "train" is one swap of adjacent letters (optimal string alignment counts it as 1 edit).
    expect(options.exports).toEqual({ distance: 1, suggestion: "moons", message: 'SGD: unknown option "momentun" (did you mean "momentum"?)' });
  });
});

/** Functions of one number, documented in their own README paragraph rather than the op table. */
const SCALAR_FUNCTIONS = ["sigmoid", "erf", "erfc", "normalCdf", "expMinusHalfSquare", "geluTanh", "geluTanhSlope", "geluSlope", "softplus", "softplusSlope"];

/** Exact encoding of tensors and bytes, documented in the README's "Exact encoding" section. */
const ENCODING = [
  "encodeBase64", "decodeBase64", "base64ByteLength", "Base64Error", "bytesPerElement", "writeTensorBytes", "readTensorBytes",
  "encodeTensor", "decodeTensor", "encodeTensorValues", "decodeTensorValuesInto", "encodeJsonNumber", "decodeJsonNumber",
];

describe("README op table", () => {
  it("documents every encoding function in its own section", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Exact encoding"));
    const api: Record<string, unknown> = await import("../src/index.js");
    for (const name of ENCODING) {
      expect(api[name], `${name} is exported`).toBeTypeOf("function");
      expect(section, `README "Exact encoding" section is missing ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

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
      "Tensor", "ShapeError", "DEFAULT_DTYPE", "promoteTypes", "allocate", "formatShape", "broadcastShapes", "sizeOf", "stridesOf",
      "sameShape", "validateShape", "normalizeAxis", "axisLayout", "createRng", "tensor", "zeros", "ones", "full", "randn", "rand",
      "arange", "eye", "checkOptions", "optionKeys", "UnknownOptionError", "isDecimal", "parseDecimal", "refusePromise", "editDistance", "closestName", "didYouMean", "kernels", "setKernels", "setBackend", "jsKernels", "wasmKernels", "elementary", ...SCALAR_FUNCTIONS, ...ENCODING,
    ]);
    const ops = Object.keys(api).filter((name) => !notOps.has(name));
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const name of ops) expect(table, `README op table is missing ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

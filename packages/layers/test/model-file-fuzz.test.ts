import { createRng, zeros as tensorZeros } from "@nn/tensor";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchNorm1d, Dense, type JsonValue, LayerNorm, ModelFileError, ReLU, Residual, Sequential, Tanh } from "../src/index.js";

// Issue 19: fast-check mutates a valid model file; every mutant must load or be refused with a
// ModelFileError, and the work either takes is bounded by the file's length, counted as typed-array
// elements allocated (not timed). A loader that built a layer before checking its declared size
// (the 14 kB file declaring outFeatures 2³⁰) allocates billions and fails the budget.

let allocated = 0;
const originals = { f32: globalThis.Float32Array, f64: globalThis.Float64Array };

// Counting subclasses: every `new Float32Array(…)` in the library resolves the global at call time.
class CountingFloat32Array extends originals.f32 {
  constructor(...args: unknown[]) {
    super(...(args as [number]));
    allocated += this.length;
  }
}
class CountingFloat64Array extends originals.f64 {
  constructor(...args: unknown[]) {
    super(...(args as [number]));
    allocated += this.length;
  }
}

beforeAll(() => {
  (globalThis as { Float32Array: unknown }).Float32Array = CountingFloat32Array;
  (globalThis as { Float64Array: unknown }).Float64Array = CountingFloat64Array;
});
afterAll(() => {
  (globalThis as { Float32Array: unknown }).Float32Array = originals.f32;
  (globalThis as { Float64Array: unknown }).Float64Array = originals.f64;
});

function validFile(): JsonValue {
  const rng = createRng(7);
  const model = new Sequential([
    new Dense(3, 4, { rng }), new BatchNorm1d(4), new ReLU(),
    new Residual(new Sequential([new Dense(4, 4, { rng }), new Tanh()])), new LayerNorm(4), new Dense(4, 2, { rng, bias: false }),
  ]);
  return JSON.parse(JSON.stringify(model.toJSON({ classNames: ["a", "b"] }))) as JsonValue;
}

/** Every path to a value in a JSON tree. */
function paths(value: JsonValue, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...prefix, i])));
  if (value !== null && typeof value === "object") return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...prefix, k])));
  return here;
}

function setAt(root: JsonValue, path: (string | number)[], replacement: JsonValue | undefined): JsonValue {
  if (path.length === 0) return replacement ?? null;
  const copy = JSON.parse(JSON.stringify(root)) as JsonValue;
  let node = copy as Record<string | number, JsonValue>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, JsonValue>;
  const last = path[path.length - 1];
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else {
    node[last] = replacement;
  }
  return copy;
}

// Sizes a hostile file would declare, beside ordinary mistakes.
const replacementValue: fc.Arbitrary<JsonValue | undefined> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 3, 4, 5, 1e9, 2 ** 24, 2 ** 24 + 1, 2 ** 30, 2 ** 31, 2 ** 53, 1.5, -0, null, true, "", "float64", "float32", "AAAA", [], {}, [2 ** 30, 4], undefined),
  fc.integer({ min: -5, max: 1 << 30 }),
  fc.string({ maxLength: 12 }),
);

const BUDGET_PER_CHARACTER = 4;

describe("fuzzed model files load or are refused, with work bounded by their length", () => {
  const file = validFile();
  const allPaths = paths(file);

  it("the unmutated file loads (the harness works)", () => {
    allocated = 0;
    expect(Sequential.fromJSON(file).layers).toHaveLength(6);
    expect(allocated).toBeGreaterThan(0);
  });

  it("one, two or three mutations anywhere in the tree", () => {
    const mutation = fc.tuple(fc.integer({ min: 0, max: allPaths.length - 1 }), replacementValue);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (changes) => {
        let mutant = file;
        for (const [p, value] of changes) {
          const targets = paths(mutant);
          mutant = setAt(mutant, targets[p % targets.length], value);
        }
        const text = JSON.stringify(mutant) ?? "null";
        allocated = 0;
        try {
          const model = Sequential.fromJSON(text);
          // A mutant that loads is a working model: a forward pass gives one row per input row.
          expect(model.forward(tensorZeros([2, 3], model.dtype), "eval").shape).toEqual([2, 2]);
        } catch (e) {
          if (!(e instanceof ModelFileError)) throw e;
          expect(e.message).toMatch(/^model file: /);
        }
        expect(allocated).toBeLessThanOrEqual(BUDGET_PER_CHARACTER * text.length + 4096);
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it("truncated text at any length", () => {
    const text = JSON.stringify(file);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        allocated = 0;
        expect(() => Sequential.fromJSON(text.slice(0, cut))).toThrow(ModelFileError);
        expect(allocated).toBeLessThanOrEqual(BUDGET_PER_CHARACTER * cut + 4096);
      }),
      { numRuns: 100, seed: 19 },
    );
  });
});


import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, parseCsvFeatures } from "../src/index.js";

// Issue 19: fast-check builds CSV texts from the cells that broke readers before (overflowing
// numbers, quotes, stray delimiters, huge labels, blank and one-column lines). Each text must
// parse into a consistent data set or be refused with a CsvError; the result's size is bounded by
// the text's length (counted, not timed): a label of 1000000000 must not mean a billion classes.

const cell = fc.oneof(
  fc.constantFrom("0", "1", "5", "-1.5", "2e3", "1e999", "-1e39", "3.4e38", "1000000000", "", " 7 ", "NaN", "Infinity", "0x10", "cat", "=SUM(A1)", '"q,uoted"', '"a ""b"""', '"open', 'x"y', ";", "\t"),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.integer({ min: 0, max: 2 ** 31 }).map(String),
);
const row = fc.array(cell, { minLength: 1, maxLength: 5 });
const csvText = fc.tuple(fc.array(row, { minLength: 0, maxLength: 8 }), fc.constantFrom(",", ";"), fc.constantFrom("\n", "\r\n")).map(([rows, delimiter, eol]) =>
  rows.map((cells) => cells.join(delimiter)).join(eol),
);

describe("fuzzed CSV texts parse consistently or are refused with a CsvError", () => {
  it("parseCsv, header detected or forced, float32 or float64", () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(undefined, true, false), fc.constantFrom("float32" as const, "float64" as const), (text, header, dtype) => {
        try {
          const ds = parseCsv(text, { header, dtype });
          const [n, features] = ds.x.shape;
          expect(ds.y.shape).toEqual([n]);
          expect(n * (features + 1)).toBeLessThanOrEqual(text.length);
          expect(ds.numClasses).toBe(ds.classNames?.length);
          expect(ds.numClasses).toBeLessThanOrEqual(n);
          for (const v of ds.x.data) expect(Number.isFinite(v)).toBe(true);
          for (const k of ds.y.data) expect(Number.isInteger(k) && k >= 0 && k < ds.numClasses).toBe(true);
        } catch (e) {
          if (!(e instanceof CsvError)) throw e;
          expect(e.message).toMatch(/^CSV line \d+(, column \d+)?( \(".*"\))?: /s);
          expect(e.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400, seed: 19 },
    );
  });

  it("parseCsvFeatures", () => {
    fc.assert(
      fc.property(csvText, (text) => {
        try {
          const f = parseCsvFeatures(text, { featureNames: ["0", "1"] });
          expect(f.x.size).toBeLessThanOrEqual(text.length);
          expect(f.lines).toHaveLength(f.x.shape[0]);
          for (const v of f.x.data) expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          if (!(e instanceof CsvError)) throw e;
        }
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});

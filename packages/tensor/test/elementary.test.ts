import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cos, exp, expm1, log, log10, log1p, pow, sin, tanh } from "../src/math/index.js";

// Points and mpmath values at 300 bits (nearest double hi and remainder e in ulps), from scripts/elementary-reference.py.
// ELEMENTARY_REFERENCE names a larger set made by the same script (README "Reproducibility").
const raw = readFileSync(process.env.ELEMENTARY_REFERENCE ?? new URL("./fixtures/elementary-reference.bin", import.meta.url));
const newline = raw.indexOf(10);
const counts = raw.subarray(0, newline).toString("latin1").split(",").map((entry) => {
  const [name, n] = entry.split(":");
  return { name, n: Number(n) };
});
const view = new DataView(raw.buffer, raw.byteOffset + newline + 1);

function records(wanted: string): number[][] {
  let offset = 0;
  for (const { name, n } of counts) {
    const width = name === "pow" ? 4 : 3;
    if (name === wanted) {
      const out: number[][] = [];
      for (let i = 0; i < n; i++) {
        const row: number[] = [];
        for (let j = 0; j < width; j++) row.push(view.getFloat64(offset + (i * width + j) * 8, true));
        out.push(row);
      }
      return out;
    }
    offset += n * width * 8;
  }
  throw new Error(`no reference for ${wanted}`);
}

/** Whether the reference file has points for `name` (a one-off larger set may hold only some functions). */
function has(name: string): boolean {
  return counts.some((c) => c.name === name);
}

/** The spacing of doubles at |v| (2⁻¹⁰⁷⁴ in the subnormal range). */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2.2250738585072014e-308) return 5e-324;
  let e = Math.floor(Math.log2(a)); // only a hint; corrected below with exact comparisons
  while (2 ** e > a) e--;
  while (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 52);
}

/** |got − exact| in ulps of the exact value (= hi + e ulps); infinite results must match exactly. */
function ulpError(got: number, hi: number, e: number): number {
  if (!Number.isFinite(hi)) return got === hi ? 0 : Infinity;
  return Math.abs((got - hi) / ulp(hi) - e); // got − hi is exact for a result within a few ulps
}

const unary: [string, (x: number) => number][] = [
  ["exp", exp], ["expm1", expm1], ["log", log], ["log10", log10], ["log1p", log1p],
  ["tanh", tanh], ["sin", sin], ["cos", cos],
];

// The measured maxima (README "Reproducibility") are below these faithful-rounding bounds.
const BOUND = 1;

describe("own elementary functions against mpmath", () => {
  for (const [name, f] of unary) {
    it.skipIf(!has(name))(`${name} is faithfully rounded (< 1 ulp) on ${has(name) ? records(name).length : 0} points`, () => {
      let worst = 0;
      let worstX = 0;
      for (const [x, hi, lo] of records(name)) {
        const err = ulpError(f(x), hi, lo);
        if (!(err <= worst)) {
          worst = err;
          worstX = x;
        }
      }
      console.log(`${name}: max error ${worst.toFixed(3)} ulp at ${worstX}`);
      expect(worst, `${name}(${worstX})`).toBeLessThan(BOUND);
    });
  }

  it.skipIf(!has("pow"))("pow is faithfully rounded (< 1 ulp)", () => {
    let worst = 0;
    let at: number[] = [];
    for (const [x, y, hi, lo] of records("pow")) {
      const err = ulpError(pow(x, y), hi, lo);
      if (!(err <= worst)) {
        worst = err;
        at = [x, y];
      }
    }
    console.log(`pow: max error ${worst.toFixed(3)} ulp at ${at.join(", ")}`);
    expect(worst, `pow(${at.join(", ")})`).toBeLessThan(BOUND);
  });
});

// mpmath's value rounded to the nearest double is `hi` (|e| ≤ 1/2), so a correctly rounded
// function returns exactly `hi` at every point. tanh is correctly rounded above 0.625 only
// (below, an odd polynomial: faithful).
const correctlyRounded: [string, (x: number) => number, (x: number) => boolean][] = [
  ["exp", exp, () => true], ["expm1", expm1, () => true], ["log", log, () => true], ["log10", log10, () => true], ["log1p", log1p, () => true],
  ["tanh", tanh, (x) => Math.abs(x) > 0.625],
];

describe("correct rounding against mpmath", () => {
  for (const [name, f, covered] of correctlyRounded) {
    const points = has(name) ? records(name).filter(([x]) => covered(x)) : [];
    it.skipIf(!has(name))(`${name} returns the double nearest to the exact value at every one of ${points.length} points`, () => {
      const wrong: string[] = [];
      for (const [x, hi] of points) {
        const got = f(x);
        // mpmath has no −0 (expm1(−0) = −0 is checked in elementary-special.test.ts), so ±0 compare equal here
        if (!(got === hi)) wrong.push(`${name}(${x}) = ${got}, nearest ${hi}`);
      }
      console.log(`${name}: ${wrong.length} incorrectly rounded of ${points.length}`);
      expect(wrong.slice(0, 5), `${wrong.length} incorrectly rounded`).toEqual([]);
    });
  }
});

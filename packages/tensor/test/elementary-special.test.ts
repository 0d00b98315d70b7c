import { describe, expect, it } from "vitest";
import { cos, exp, expm1, log, log1p, pow, sin, tanh } from "../src/math/index.js";

// ECMAScript and IEEE 754 fix these results exactly, so Math.* is an independent oracle here
// (unlike ordinary arguments, where engines differ in the last bit).
const SPECIAL = [NaN, 0, -0, Infinity, -Infinity];

describe("own elementary functions: special values exactly as Math.*", () => {
  const cases: [string, (x: number) => number, (x: number) => number, number[]][] = [
    ["exp", exp, Math.exp, [...SPECIAL, 710, -746, 1e308, -1e308, 709.79, -745.14]],
    ["expm1", expm1, Math.expm1, [...SPECIAL, 710, -40, -1e308, 1e-300, -1e-300, 5e-324]],
    ["log", log, Math.log, [...SPECIAL, 1, -1, -5e-324, -Infinity]],
    ["log1p", log1p, Math.log1p, [...SPECIAL, -1, -2, -1.5, 1e-300, -1e-300, 5e-324, -5e-324]],
    ["tanh", tanh, Math.tanh, [...SPECIAL, 22, -22, 1e308, -1e308, 1e-300, -1e-300, 5e-324]],
    ["sin", sin, Math.sin, [...SPECIAL, 1e-300, -1e-300, 5e-324, -5e-324]],
    ["cos", cos, Math.cos, [...SPECIAL, 1e-300, -5e-324]],
  ];
  for (const [name, own, engine, inputs] of cases) {
    it(name, () => {
      for (const x of inputs) expect(Object.is(own(x), engine(x)), `${name}(${x}) = ${own(x)}`).toBe(true);
    });
  }

  it("log and exp of subnormals and at the ends of the range", () => {
    expect(log(5e-324)).toBe(-744.4400719213812); // ln 2⁻¹⁰⁷⁴ rounded (mpmath)
    expect(log(1.7976931348623157e308)).toBe(709.782712893384);
    expect(exp(-745.1332191019411)).toBe(5e-324);
    expect(exp(709.782712893384)).toBe(1.7976931348622732e308);
  });

  it("pow follows every special case of the ** operator", () => {
    const values = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.5, -1.5];
    const ordinary = (v: number) => Number.isFinite(v) && v !== 0;
    for (const x of values) {
      for (const y of values) {
        // both ordinary, |x| ≠ 1 and a real result: not a special case (engines may differ in the last bit)
        if (ordinary(x) && ordinary(y) && Math.abs(x) !== 1 && !(x < 0 && !Number.isInteger(y))) continue;
        expect(Object.is(pow(x, y), x ** y), `pow(${x}, ${y}) = ${pow(x, y)}, ** gives ${x ** y}`).toBe(true);
      }
    }
  });

  it("pow is exact when the power is a double", () => {
    expect(pow(10, 2)).toBe(100);
    expect(pow(10, 22)).toBe(1e22);
    expect(pow(10, -2)).toBe(0.01); // correctly rounded, as the literal
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(2, 1023)).toBe(8.98846567431158e307);
    expect(pow(0.5, 10)).toBe(0.0009765625);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(9, 0.5)).toBe(3);
    expect(pow(2, 1024)).toBe(Infinity);
    expect(pow(2, -1075)).toBe(0); // exactly half the smallest subnormal: ties to even
    expect(pow(0.9, 1e20)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { geluSlope, geluTanh, geluTanhSlope, normalCdf, softplus, softplusSlope } from "../src/index.js";

/** Central difference (f(x+h) − f(x−h))/2h: an independent check of each slope. */
function numericSlope(f: (x: number) => number, x: number, h = 1e-6): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

describe("GELU and Softplus for one number", () => {
  it("give the published values", () => {
    // log(1 + e) and log(1 + e²)/2, worked by hand; GELU's tanh form at 1 as PyTorch's F.gelu(approximate='tanh').
    expect(softplus(1)).toBeCloseTo(1.3132616875182228, 15);
    expect(softplus(1, 2)).toBeCloseTo(1.0634640055214863, 15);
    expect(softplus(30)).toBe(30); // past the threshold: the identity
    expect(softplus(-800)).toBe(0); // e^−800 underflows to 0, and nothing overflows
    expect(geluTanh(1)).toBeCloseTo(0.8411919906082768, 12);
    expect(geluTanh(0)).toBe(0);
  });

  it.each([-3, -1.2, -0.3, 0.4, 1, 2.5])("slopes at %f agree with central differences", (x) => {
    const cases: Array<[string, number, number]> = [
      ["geluTanhSlope", geluTanhSlope(x), numericSlope(geluTanh, x)],
      ["geluSlope", geluSlope(x), numericSlope((v) => v * normalCdf(v), x)],
      ["geluSlope with Φ given", geluSlope(x, normalCdf(x)), numericSlope((v) => v * normalCdf(v), x)],
      ["softplusSlope", softplusSlope(x), numericSlope((v) => softplus(v), x)],
      ["softplusSlope beta 3", softplusSlope(x, 3), numericSlope((v) => softplus(v, 3), x)],
    ];
    for (const [name, analytic, numeric] of cases) {
      const err = Math.abs(analytic - numeric);
      expect(err <= 1e-8 + 1e-7 * Math.abs(numeric), `${name}(${x}): ${analytic} vs ${numeric}`).toBe(true);
    }
    expect(softplusSlope(25)).toBe(1);
  });
});

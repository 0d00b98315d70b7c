import { describe, expect, it } from "vitest";
import { compact, fixed, roundForJson, scientific } from "../src/format.js";

describe("number formatting", () => {
  it("prints fixed decimals without a negative zero", () => {
    expect(fixed(1.005, 1)).toBe("1.0");
    expect(fixed(-0.001, 2)).toBe("0.00");
    expect(fixed(-0.01, 2)).toBe("-0.01");
    expect(fixed(NaN, 2)).toBe("—");
    expect(fixed(Infinity, 2)).toBe("∞");
  });

  it("switches to scientific notation for tiny and huge values", () => {
    expect(scientific(0.000123, 2)).toBe("1.2e-4");
    expect(scientific(123456, 3)).toBe("1.23e5");
    expect(compact(0.5)).toBe("0.500");
    expect(compact(2.15e-13)).toBe("2.15e-13");
  });

  it("rounds JSON numbers to 6 significant digits and maps non-finite to null", () => {
    expect(roundForJson(0.123456789)).toBe(0.123457);
    expect(roundForJson(NaN)).toBeNull();
  });
});

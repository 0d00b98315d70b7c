import { elementary } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../src/cli-options.js";
import { type ElementaryCostRow, formatElementaryCost } from "../src/elementary-cost/elementary-cost.js";
import * as mathElementary from "../src/elementary-cost/math-elementary.js";

describe("the Math.* stand-in for the own elementary functions", () => {
  it("has exactly the names @nn/tensor's elementary has, so the Math bundle replaces every one", () => {
    expect(Object.keys(mathElementary).sort()).toEqual(Object.keys(elementary).sort());
  });

  it("answers with Math's functions (the bits the own ones replace)", () => {
    expect(mathElementary.exp).toBe(Math.exp);
    expect(mathElementary.pow).toBe(Math.pow);
    expect(mathElementary.tanh).toBe(Math.tanh);
  });
});

describe("the cost table", () => {
  const row = (workload: string, ownSeconds: number, mathSeconds: number, agrees = true): ElementaryCostRow => ({
    workload, ownStepsPerSecond: 1 / ownSeconds, mathStepsPerSecond: 1 / mathSeconds, slowdown: ownSeconds / mathSeconds,
    ownLoss: 0.25, mathLoss: agrees ? 0.25 : 0.3, agrees,
  });

  it("reports the time ratio and judges it against the 2× goal", () => {
    const text = formatElementaryCost([row("fast", 0.012, 0.01), row("slow", 0.025, 0.01), row("wrong", 0.01, 0.01, false)]);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^workload +own steps\/s +Math\.\* steps\/s +own÷Math\.\* time +same result$/);
    expect(lines[2]).toMatch(/^fast +83\.3 +100 +1\.2× +✓$/);
    expect(lines[3]).toMatch(/^slow +40\.0 +100 +2\.5× +✓$/);
    expect(lines[4]).toMatch(/✗ 0\.25 vs 0\.3$/);
    expect(text).toContain("✓ fast: own elementary functions 1.2× the time of Math.* (goal ≤ 2×)");
    expect(text).toContain("✗ slow: own elementary functions 2.5× the time of Math.* (goal ≤ 2×)");
    const quick = formatElementaryCost([row("slow", 0.025, 0.01)], true);
    expect(quick).toContain("· slow: own elementary functions 2.5× the time of Math.* (goal ≤ 2×)");
  });
});

describe("--only elementary", () => {
  it("selects the cost rows alone and names what it takes otherwise", () => {
    expect(parseBenchArgs(["--only", "elementary", "--quick"])).toMatchObject({ only: "elementary", quick: true });
    expect(parseBenchArgs([]).only).toBeUndefined();
    expect(() => parseBenchArgs(["--only", "tfjs"])).toThrow(/--only takes "table" .*"elementary" .*got "tfjs"/);
    expect(() => parseBenchArgs(["--only"])).toThrow(/--only takes "table" .*"elementary"/);
  });
});

import { describe, expect, it } from "vitest";
import { checkAgreement, relativeMaxDifference } from "../src/agreement.js";
import { parseBenchArgs, runsSection } from "../src/cli-options.js";
import type { BenchReport } from "../src/results.js";
import { formatRatio, formatTable, formatThroughput } from "../src/table.js";
import { formatTargets } from "../src/targets.js";
import { type Timed, interleave, median, warmUp } from "../src/timing.js";
import { stepsOf } from "../src/workloads/training-workload.js";

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
  });
});

describe("interleave", () => {
  it("runs every implementation exactly warmup + rounds·units times, rotating who goes first", async () => {
    const log: string[] = [];
    const impl = (name: string): Timed & { count: number } => {
      const t = { name, count: 0, run() { t.count++; }, prepare() { log.push(name); return Promise.resolve(); } };
      return t;
    };
    const a = impl("a"), b = impl("b"), c = impl("c");
    const timing = { warmup: 2, rounds: 3, unitsPerSample: 4 };
    const seconds = await interleave([a, b, c], timing);
    expect([a.count, b.count, c.count]).toEqual([14, 14, 14]);
    expect(stepsOf(timing)).toBe(14);
    // warm-up a b c, then round 0: a b c, round 1: b c a, round 2: c a b
    expect(log).toEqual(["a", "b", "c", "a", "b", "c", "b", "c", "a", "c", "a", "b"]);
    expect(seconds).toHaveLength(3);
    for (const s of seconds) expect(s).toBeGreaterThanOrEqual(0);
  });

  it("accepts one unit count per implementation", async () => {
    let x = 0, y = 0;
    await interleave([{ name: "x", run: () => x++ }, { name: "y", run: () => y++ }], { warmup: 0, rounds: 2, unitsPerSample: [1, 5] });
    expect([x, y]).toEqual([2, 10]);
  });
});

describe("warmUp", () => {
  it("runs a throwaway copy at least once, and only once when no time is asked for", async () => {
    let runs = 0, prepared = 0;
    const impl: Timed = { name: "copy", run: () => runs++, prepare: () => { prepared++; return Promise.resolve(); } };
    expect(await warmUp(impl, 0)).toBe(1);
    expect([runs, prepared]).toEqual([1, 1]);
  });
});

describe("loss agreement", () => {
  it("accepts rounding-level differences and flags a different computation or a NaN", () => {
    const result = checkAgreement(0.5, [
      { name: "nn", value: 0.5 },
      { name: "rounding", value: 0.5 * (1 + 1e-6) },
      { name: "wrong", value: 0.52 }, // 4 % off
      { name: "nan", value: Number.NaN },
    ], 1e-3);
    expect(result.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(result[2].relativeDifference).toBeCloseTo(0.04, 12);
  });

  it("measures differences near a zero loss against the floor, not the loss", () => {
    // |1e-6 − 0| / max(0, 1e-3) = 1e-3 → at the tolerance, accepted
    expect(checkAgreement(0, [{ name: "x", value: 1e-6 }], 1e-3)[0].ok).toBe(true);
  });

  it("compares products relative to the largest entry", () => {
    expect(relativeMaxDifference([10, -20, 5], [10, -20.002, 5])).toBeCloseTo(0.002 / 20, 12);
    expect(relativeMaxDifference([1, 2], [1, Number.NaN])).toBeNaN();
    expect(relativeMaxDifference([1, 2], [1])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("table", () => {
  it("formats throughputs to three significant figures and ratios as nn ÷ peer", () => {
    expect(formatThroughput(1_254_000)).toBe("1.25M");
    expect(formatThroughput(31_999)).toBe("32.0k");
    expect(formatThroughput(27.51)).toBe("27.5");
    expect(formatRatio(650_000, 130_000)).toBe("5.0×");
    expect(formatRatio(400, 35)).toBe("11×");
    expect(formatRatio(10, 40)).toBe("0.25×");
    expect(formatRatio(10, undefined)).toBe("—");
  });

  it("prints one row per workload with every implementation, the ratios and the check", () => {
    const report: BenchReport = {
      date: "2026-11-26T00:00:00.000Z", quick: true, clock: "cpu", node: "v20", numpy: "2.0",
      workloads: [
        { workload: "W1 full batch", unit: "samples/s", results: [
          { impl: "nn", value: 650_000, check: 0.3, agrees: true },
          { impl: "tfjs cpu", value: 32_000, check: 0.3, agrees: true },
          { impl: "tfjs wasm", value: 130_000, check: 0.3, agrees: true },
          { impl: "numpy", value: 1_300_000, check: 0.3, agrees: true },
        ] },
        { workload: "W3 512³", unit: "GFLOP/s", results: [
          { impl: "nn", value: 40, check: 0, agrees: true },
          { impl: "tfjs cpu", value: 0.8, check: 0, agrees: true },
          { impl: "tfjs wasm", value: 28, check: 2e-3, agrees: false },
        ] },
      ],
    };
    const lines = formatTable(report).split("\n");
    expect(lines[0]).toMatch(/^workload\s+unit\s+nn\s+tfjs cpu\s+tfjs wasm\s+numpy\s+nn÷cpu\s+nn÷wasm\s+nn÷numpy\s+same result$/);
    expect(lines[2]).toMatch(/^W1 full batch\s+samples\/s\s+650k\s+32\.0k\s+130k\s+1\.30M\s+20×\s+5\.0×\s+0\.50×\s+✓$/);
    expect(lines[3]).toMatch(/^W3 512³\s+GFLOP\/s\s+40\.0\s+0\.800\s+28\.0\s+—\s+50×\s+1\.4×\s+—\s+✗ tfjs wasm$/);
  });
});

describe("command line", () => {
  it("reads --quick, --no-numpy, --wall, --only and --out, and refuses anything else", () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, noNumpy: false, wall: false, out: undefined });
    expect(parseBenchArgs(["--quick", "--out", "r.json", "--no-numpy", "--wall"])).toEqual({ quick: true, noNumpy: true, wall: true, out: "r.json" });
    expect(parseBenchArgs(["--only", "autograd"]).only).toBe("autograd");
    expect(runsSection(parseBenchArgs(["--only", "table"]), "table")).toBe(true);
    expect(runsSection(parseBenchArgs(["--only", "table"]), "threads")).toBe(false);
    expect(runsSection(parseBenchArgs([]), "threads")).toBe(true);
    expect(() => parseBenchArgs(["--only", "tables"])).toThrow(/--only takes "table" .* got "tables"/);
    expect(() => parseBenchArgs(["--fast"])).toThrow(/unknown option "--fast"/);
    expect(() => parseBenchArgs(["--out"])).toThrow(/--out needs a file path/);
  });
});

describe("speed goals", () => {
  it("reports each goal present in the run as met or not, from nn's ratio to the peer", () => {
    const report: BenchReport = {
      date: "", quick: false, clock: "cpu", node: "v20", numpy: null,
      workloads: [
        { workload: "W1 full batch", unit: "samples/s", results: [
          { impl: "nn", value: 600, check: 0, agrees: true }, { impl: "tfjs wasm", value: 100, check: 0, agrees: true },
        ] },
        { workload: "W2 batch 128", unit: "samples/s", results: [
          { impl: "nn", value: 400, check: 0, agrees: true }, { impl: "tfjs wasm", value: 100, check: 0, agrees: true },
        ] },
      ],
    };
    expect(formatTargets(report)).toEqual([
      "✓ W1 full batch: nn 6.0× tfjs wasm (goal ≥ 5×)",
      "✗ W2 batch 128: nn 4.0× tfjs wasm (goal ≥ 5×)",
    ]);
    // a quick run's samples are too short to judge: the same ratios, neither ✓ nor ✗
    expect(formatTargets({ ...report, quick: true })).toEqual([
      "· W1 full batch: nn 6.0× tfjs wasm (goal ≥ 5×)",
      "· W2 batch 128: nn 4.0× tfjs wasm (goal ≥ 5×)",
    ]);
  });
});

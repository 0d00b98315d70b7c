import { describe, expect, it } from "vitest";
import { wasmKernels } from "@nn/tensor";
import { lockstep } from "../src/lockstep.js";
import { type AutogradCostRow, autogradCostCases, formatAutogradCost } from "../src/workloads/autograd-cost.js";

describe("the autograd cost table", () => {
  it("covers the seed MLP at both batch sizes, in both dtypes, on every backend", () => {
    const cases = autogradCostCases(true);
    const backends = wasmKernels === null ? ["js"] : ["js", "wasm"];
    expect(cases).toHaveLength(2 * 2 * backends.length);
    expect(new Set(cases.map((c) => `${c.rows} ${c.dtype} ${c.backend}`)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.rows))).toEqual(new Set([1000, 32]));
  });

  it("marks the goal met at a cost of 1.5 and missed above it, and a loss that differs", () => {
    const row = (cost: number, agrees = true): AutogradCostRow => ({
      workload: `W1 batch 32 float64 js ${cost}`, dtype: "float64", backend: "js", nn: 300_000, autograd: 300_000 / cost, cost, agrees,
    });
    const lines = formatAutogradCost([row(1.5), row(1.51), row(1.2, false)]).split("\n");
    expect(lines[0]).toMatch(/^autograd cost +nn +nn autograd +autograd÷nn time +goal ≤ 1.5× +same result$/);
    expect(lines[2]).toMatch(/300k +200k +1\.50× +✓ +✓$/);
    expect(lines[3]).toMatch(/1\.51× +✗ +✓$/);
    expect(lines[4]).toMatch(/1\.20× +✓ +✗$/);
    // a quick run judges no goal, but still whether the results agree
    const quick = formatAutogradCost([row(1.51), row(1.2, false)], true).split("\n");
    expect(quick[2]).toMatch(/1\.51× +· +✓$/);
    expect(quick[3]).toMatch(/1\.20× +· +✗$/);
  });
});

describe("lockstep", () => {
  it("runs both warmup + steps times, turn about, alternating who goes first", () => {
    const log: string[] = [];
    const impl = (name: string) => ({ name, run: () => void log.push(name) });
    const [sa, sb] = lockstep(impl("a"), impl("b"), { warmup: 1, steps: 3 });
    expect(log).toEqual(["a", "b", "a", "b", "b", "a", "a", "b"]);
    expect(sa >= 0 && sb >= 0).toBe(true);
  });
});

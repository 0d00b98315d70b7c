import { describe, expect, it } from "vitest";
import { indexReport, mergeSummaries, parseIndexRows } from "../src/report/index-report.js";
import { STUDIES } from "../src/studies/index.js";

describe("the study registry", () => {
  it("lists the studies in report order, with unique file-safe ids", () => {
    expect(STUDIES.map((s) => s.id)).toEqual(["learning-rate", "activations", "initialisation", "optimizers", "regularisation", "depth-residual", "peers", "manual-vs-autograd", "seed-project", "spirals-init"]);
    for (const s of STUDIES) {
      expect(s.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(s.claim.length).toBeGreaterThan(40);
    }
  });

  it("plans less work for the quick run than for the full run (2 seeds instead of 10)", () => {
    for (const s of STUDIES) {
      const quick = s.units({ quick: true }), full = s.units({ quick: false });
      expect(quick, s.id).toBeGreaterThan(0);
      expect(quick, s.id).toBeLessThan(full);
    }
  });
});

describe("indexReport", () => {
  it("links each study's report and shows its verdict", () => {
    const md = indexReport([{ id: "a-b", title: "A B", claim: "x", verdict: "inconclusive", finding: "y" }], { quick: false });
    expect(md).toContain("| 1. [A B](a-b.md) | x | **inconclusive** | y |");
    expect(md).toContain("`pnpm experiments`");
    expect(indexReport([], { quick: true })).toContain("quick run");
  });
});

describe("the index of a partial run", () => {
  it("keeps the rows of studies that did not run and replaces those that did, pipes and all", () => {
    const old = indexReport([
      { id: "a-b", title: "A B", claim: "claim with a | pipe", verdict: "supported", finding: "old finding" },
      { id: "c", title: "C", claim: "c claim", verdict: "inconclusive", finding: "c finding" },
    ], { quick: false });
    const earlier = parseIndexRows(old);
    expect(earlier).toEqual([
      { id: "a-b", title: "A B", claim: "claim with a | pipe", verdict: "supported", finding: "old finding" },
      { id: "c", title: "C", claim: "c claim", verdict: "inconclusive", finding: "c finding" },
    ]);
    const merged = mergeSummaries(["a-b", "new", "c"], [{ id: "c", title: "C", claim: "c claim", verdict: "not supported", finding: "new c" }], earlier);
    expect(merged.map((s) => `${s.id}:${s.verdict}`)).toEqual(["a-b:supported", "c:not supported"]);
  });
});

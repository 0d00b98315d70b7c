import { describe, expect, it } from "vitest";
import { indexReport } from "../src/report/index-report.js";
import { STUDIES } from "../src/studies/index.js";

describe("the study registry", () => {
  it("lists the studies in report order, with unique file-safe ids", () => {
    expect(STUDIES.map((s) => s.id)).toEqual(["learning-rate", "activations", "initialisation", "optimizers", "regularisation", "depth-residual", "peers", "manual-vs-autograd"]);
    for (const s of STUDIES) {
      expect(s.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(s.claim.length).toBeGreaterThan(40);
    }
  });

  it("plans less work for the quick run than for the full run (2 seeds instead of 3)", () => {
    for (const s of STUDIES) {
      const quick = s.units({ quick: true }), full = s.units({ quick: false });
      expect(quick, s.id).toBeGreaterThan(0);
      expect(quick, s.id).toBeLessThan(full);
    }
  });
});

describe("indexReport", () => {
  it("links each study's report and shows its verdict", () => {
    const md = indexReport([{ id: "a-b", title: "A B", claim: "x", verdict: "partly supported", finding: "y" }], { quick: false });
    expect(md).toContain("| 1. [A B](a-b.md) | x | **partly supported** | y |");
    expect(md).toContain("`pnpm experiments`");
    expect(indexReport([], { quick: true })).toContain("quick run");
  });
});

import { createRng, randn, zeros } from "@nn/tensor";
import { expect, test } from "vitest";
import { type GradcheckReport, checkLayer, formatReport } from "../src/index.js";
import { ToyDense, toyReLU } from "./toys.js";

// A hand-built report, so the expected text follows from the fields alone.
const report: GradcheckReport = {
  passed: false,
  maxRelError: 0.5,
  checkedDType: "float64",
  castFrom: "float32",
  step: 1e-6,
  atol: 1e-8,
  rtol: 1e-6,
  mode: "train",
  seed: 3,
  kinkCount: 1,
  notes: ["weight: 4 of 6 coordinates checked (seeded sample, maxCoordinates 4)"],
  entries: [
    { name: "input", shape: [2, 3], passed: true, maxRelError: 0, maxAbsError: 2e-11, worstIndex: [1, 2], analytic: 0.25, numeric: 0.25000000002, checked: 6, total: 6, failures: 0, kinks: [{ index: [0, 1], analytic: 0, numeric: 0.5, leftSlope: 0, rightSlope: 1 }] },
    { name: "weight", shape: [3, 2], passed: false, maxRelError: 0.5, maxAbsError: 1.25, worstIndex: [2, 0], analytic: -2.5, numeric: -1.25, checked: 4, total: 6, failures: 4, kinks: [] },
  ],
};

test("formatReport lays a report out as a table with header, kinks and notes", () => {
  expect(formatReport(report).split("\n")).toEqual([
    "gradcheck FAILED: max relative error 5.0e-1, 1 kink excluded",
    "float64 (cast from float32) central differences, h = 1e-6, mode train, seed 3; a coordinate passes when |a − n| ≤ 1e-8 + 1e-6·max(|a|, |n|)",
    "",
    // Values print with 10 significant digits: 0.25000000002 shows as 0.25 (its error is in the abs column).
    "tensor  shape   checked  max rel err  max abs err  worst at      analytic  numeric  kinks  result",
    "input   [2, 3]  6/6      0            2.0e-11      input[1, 2]   0.25      0.25     1      pass",
    "weight  [3, 2]  4/6      5.0e-1       1.3e+0       weight[2, 0]  -2.5      -1.25    0      FAIL (4)",
    "",
    "kinks (the function is not smooth within 2h there; listed, not counted as failures):",
    "  input[0, 1]: analytic 0, slopes left 0 / right 1",
    "",
    "notes:",
    "  - weight: 4 of 6 coordinates checked (seeded sample, maxCoordinates 4)",
  ]);
});

test("a real report names the failing tensor in its row", () => {
  const text = formatReport(checkLayer(new ToyDense(3, 2, createRng(1), "float64", "double-bias-grad"), randn([2, 3], createRng(2), { dtype: "float64" })));
  expect(text.split("\n")[0]).toMatch(/^gradcheck FAILED: max relative error 5\.0e-1$/);
  expect(text).toMatch(/^bias +\[2\] +2\/2 +5\.0e-1 .* FAIL \(2\)$/m);
  expect(text).toMatch(/^weight +\[3, 2\] +6\/6 +0 .* pass$/m);
});

test("long kink lists are cut at ten, and a tensor of nothing but kinks gets a note", () => {
  const report = checkLayer(toyReLU(), zeros([3, 4], "float64"));
  expect(report.passed).toBe(true);
  expect(report.kinkCount).toBe(12);
  const lines = formatReport(report).split("\n");
  expect(lines[0]).toBe("gradcheck PASSED: max relative error 0, 12 kinks excluded");
  expect(lines.filter((l) => l.startsWith("  input["))).toHaveLength(10);
  expect(lines).toContain("  … and 2 more");
  expect(lines).toContain("  - input: every checked coordinate is at a kink, so nothing was verified there");
  // No coordinate outside a kink: the worst-coordinate cells are empty.
  expect(lines[4]).toMatch(/^input +\[3, 4\] +12\/12 +0 +0 +— +— +— +12 +pass$/);
});

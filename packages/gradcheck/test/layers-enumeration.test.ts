// Every layer and loss that @nn/layers exports goes through gradcheck. The list of what to
// check is the package's exports, so a new layer without a case here fails this suite.
import * as nn from "@nn/layers";
import { describe, expect, test } from "vitest";
import { coverage } from "./layers/export-coverage.js";
import { layerCases } from "./layers/layer-cases.js";
import { lossCases } from "./layers/loss-cases.js";

/** Exported classes that carry no gradient of their own, each with the reason it needs no case. */
const NO_GRADIENT: Record<string, string> = {
  OwnParameter: "a parameter holder: value and grad tensors, no computation",
  PrefixedParameter: "a container's renamed view of a child's parameter",
  PrefixedBuffer: "a container's renamed view of a child's buffer",
  LayerInputError: "an error class",
  ModelFileError: "an error class",
  SafetensorsError: "an error class",
};

/** Abstract bases: not constructible as they stand, checked through every exported subclass. */
const ABSTRACT: Record<string, string> = {
  ElementwiseActivation: "abstract base of ReLU, Sigmoid, Tanh, …",
  ElementwiseLoss: "abstract base of MSELoss, L1Loss, HuberLoss and the BCE losses",
};

const cases = { ...layerCases, ...lossCases };
const found = coverage(nn, cases, NO_GRADIENT, ABSTRACT);

describe("@nn/layers exports", () => {
  test("the enumeration sees the layers and losses (guards against an empty import)", () => {
    expect(found.needCases).toEqual(expect.arrayContaining(["Dense", "ReLU", "Sequential", "MSELoss", "SoftmaxCrossEntropy"]));
  });

  test("every exported layer, loss and gradient has a gradcheck case", () => {
    expect(found.missing, `exported by @nn/layers without a gradcheck case in packages/gradcheck/test/layers/: ${found.missing.join(", ")}`).toEqual([]);
  });

  test("every other exported class is known not to need one", () => {
    expect(found.unknown, `exported classes neither checked nor listed in NO_GRADIENT: ${found.unknown.join(", ")}`).toEqual([]);
  });

  test("no case or allowlist entry names something that is no longer exported", () => {
    expect(found.stale).toEqual([]);
  });

  test("each abstract base is covered through exported subclasses that have cases", () => {
    expect(found.uncoveredAbstract).toEqual([]);
  });
});

describe.each(found.needCases.filter((name) => name in cases))("gradcheck of %s", (name) => {
  test.each(cases[name]().map((c) => [c.label, c] as const))("%s", (_label, c) => {
    const report = c.run();
    expect(report.passed, `${c.label}\n${JSON.stringify(report.entries.filter((e) => !e.passed), null, 1)}`).toBe(true);
    expect(report.checkedDType).toBe("float64");
    for (const e of report.entries) expect(e.checked, `${c.label}: ${e.name}`).toBe(e.total);
    if (/at its (kink|edges)/.test(c.label)) expect(report.kinkCount, `${c.label}: kinks reported`).toBeGreaterThan(0);
    else expect(report.kinkCount, `${c.label}: no kink expected on random inputs`).toBe(0);
    if (c.label.includes("float32")) expect(report.castFrom).toBe("float32");
  });
});

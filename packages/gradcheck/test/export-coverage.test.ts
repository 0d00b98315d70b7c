// The enumeration's bookkeeping, on made-up modules: a new layer without a case must fail.
import { describe, expect, test } from "vitest";
import { coverage } from "./layers/export-coverage.js";

class Layerish { forward(): void {} backward(): void {} parameters(): void {} }
class Lossish { forward(): void {} backward(): void {} }
class Penaltyish { value(): void {} backward(): void {} }
class Plain { describe(): void {} }
abstract class Base { forward(): void {} backward(): void {} parameters(): void {} }
class Concrete extends Base {}
function helper(): void {}

describe("coverage", () => {
  const module = { Layerish, Lossish, Penaltyish, Plain, Base, Concrete, helper, CONSTANT: 3 };

  test("a layer, a loss and a penalty without cases are all reported missing, with their kind", () => {
    const c = coverage(module, { Concrete: 1 }, { Plain: "no gradient" }, { Base: "abstract" });
    expect(c.missing).toEqual(["Layerish (layer)", "Lossish (loss)", "Penaltyish (gradient)"]);
    expect(c.unknown).toEqual([]);
    expect(c.uncoveredAbstract).toEqual([]);
  });

  test("plain functions and constants are not classes; a gradient-free class must be allowlisted", () => {
    const c = coverage(module, { Layerish: 1, Lossish: 1, Penaltyish: 1, Concrete: 1 }, {}, { Base: "abstract" });
    expect(c.missing).toEqual([]);
    expect(c.unknown).toEqual(["Plain"]);
  });

  test("an abstract base whose subclass lacks a case is reported", () => {
    const c = coverage(module, { Layerish: 1, Lossish: 1, Penaltyish: 1 }, { Plain: "" }, { Base: "abstract" });
    expect(c.uncoveredAbstract).toEqual(["Base → Concrete"]);
    expect(c.missing).toEqual(["Concrete (layer)"]);
  });

  test("cases for names the module no longer exports are stale", () => {
    expect(coverage(module, { Gone: 1 }, { AlsoGone: "" }, {}).stale).toEqual(["Gone", "AlsoGone"]);
  });
});

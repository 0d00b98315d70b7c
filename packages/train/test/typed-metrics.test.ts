// Results keyed by the metrics asked for: what `metrics` lists is a plain number (or matrix) in the
// result's type, so the caller needs no `?? 0` or `!`; what it does not list stays optional. tsc
// checks the expectTypeOf lines (test files are in the package's tsconfig); the runtime lines check
// that the values the types promise are really there.
import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type MetricName, evaluate, fit } from "../src/index.js";
import { moons, smallNet } from "./fixtures.js";

const { train, test } = moons(80, 5);
const loss = new BinaryCrossEntropy();

describe("typed metric results", () => {
  it("evaluate: listed metrics are present in type and value; the rest optional", () => {
    const r = evaluate(smallNet(1), test, { loss, metrics: ["accuracy", "confusionMatrix"] });
    expectTypeOf(r.accuracy).toEqualTypeOf<number>();
    expectTypeOf(r.confusionMatrix).toEqualTypeOf<number[][]>();
    expectTypeOf(r.f1).toEqualTypeOf<number | undefined>();
    expectTypeOf(r.loss).toEqualTypeOf<number>();
    expect(typeof r.accuracy).toBe("number");
    expect(r.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(20);
    expect(r.f1).toBeUndefined();
  });

  it("fit: History records and callback events carry the listed metrics as numbers", () => {
    const model = smallNet(2);
    const seen: number[] = [];
    const history = fit(model, {
      loss, optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, validation: test, epochs: 2, metrics: ["f1", "recall"],
      callbacks: {
        onEpochEnd: (e) => {
          expectTypeOf(e.train.f1).toEqualTypeOf<number>();
          seen.push(e.train.f1 + e.train.recall);
        },
        onBatchEnd: (e) => expectTypeOf(e.metrics.recall).toEqualTypeOf<number>(),
      },
    });
    expectTypeOf(history.epochs[0].train.recall).toEqualTypeOf<number>();
    expectTypeOf(history.epochs[0].validation).toEqualTypeOf<typeof history.epochs[0]["train"] | undefined>();
    expect(seen).toHaveLength(2);
    for (const v of seen) expect(Number.isFinite(v)).toBe(true);
  });

  it("nothing is promised without a literal list: default metrics, or a MetricName[] variable", () => {
    const bare = evaluate(smallNet(3), test, { loss });
    expectTypeOf(bare.accuracy).toEqualTypeOf<number | undefined>();
    const list: MetricName[] = ["precision"];
    const wide = evaluate(smallNet(3), test, { loss, metrics: list });
    expectTypeOf(wide.precision).toEqualTypeOf<number | undefined>();
    expect(typeof bare.accuracy).toBe("number"); // classification's default adds accuracy at run time
  });
});

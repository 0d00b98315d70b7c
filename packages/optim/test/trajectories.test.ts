// Each optimizer and option, six steps on two parameters with a fixed gradient sequence, against
// trajectories computed independently in NumPy from PyTorch's published update rules: see
// fixtures/generate_trajectories.py for the derivation and how to regenerate the numbers.
import { readFileSync } from "node:fs";
import type { DType } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Adagrad, Adam, AdamW, type Optimizer, type Parameter, RMSprop, SGD } from "../src/index.js";
import { parameter, setGrad } from "./parameters.js";

interface Fixture {
  initial: Record<string, number[]>;
  shapes: Record<string, number[]>;
  grads: Array<Record<string, number[]>>;
  cases: Array<{ name: string; dtype: DType; optimizer: string; options: Record<string, unknown>; trajectory: Array<Record<string, number[]>> }>;
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/trajectories.json", import.meta.url), "utf8")) as Fixture;

const constructors: Record<string, (params: Parameter[], options: Record<string, unknown>) => Optimizer> = {
  SGD: (params, options) => new SGD(params, options as never),
  Adam: (params, options) => new Adam(params, options),
  AdamW: (params, options) => new AdamW(params, options),
  RMSprop: (params, options) => new RMSprop(params, options),
  Adagrad: (params, options) => new Adagrad(params, options),
};

// float64: our arithmetic follows PyTorch's operation order, so only pow() and the last bit of a
// few operations may differ; allow a few ulp. float32: we round to float32 when storing and
// PyTorch after every operation, so allow a few float32 ulp.
const tolerance: Record<DType, number> = { float64: 1e-15, float32: 2e-6 };

describe.each(fixture.cases.map((c) => [`${c.name} (${c.dtype})`, c] as const))("trajectory %s", (_label, testCase) => {
  it("matches the independently computed parameters after every step", () => {
    const names = Object.keys(fixture.initial);
    const params = names.map((name) => parameter(name, fixture.initial[name], fixture.shapes[name], testCase.dtype));
    const optimizer = constructors[testCase.optimizer](params, testCase.options);
    let worst = 0;
    fixture.grads.forEach((grads, step) => {
      params.forEach((p) => setGrad(p, grads[p.name]));
      optimizer.step();
      for (const p of params) {
        const expected = testCase.trajectory[step][p.name];
        expected.forEach((e, i) => {
          const relative = Math.abs(p.value.data[i] - e) / Math.max(Math.abs(e), 1e-300);
          worst = Math.max(worst, relative);
        });
      }
    });
    expect(worst).toBeLessThanOrEqual(tolerance[testCase.dtype]);
  });
});

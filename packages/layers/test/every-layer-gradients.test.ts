import { createRng, randn } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { everyLayer } from "./helpers/every-layer.js";
import { checkLayerGradients } from "./helpers/numeric-gradient.js";

// The "add a layer" checklist, enforced: every layer type (model-file.test.ts checks that this
// list covers every registered type and every exported class) passes central differences.
describe("every layer type matches central differences in float64", () => {
  it.each(everyLayer("float64"))("%s", (_name, layer) => {
    const x = randn([5, 4], createRng(31), { dtype: "float64" });
    for (let i = 0; i < x.size; i++) if (Math.abs(x.data[i]) < 0.05) x.data[i] += 0.1; // away from the kinks at 0
    expect(checkLayerGradients(layer, x, { mode: "train" })).toEqual([]);
    expect(checkLayerGradients(layer, x, { mode: "eval" })).toEqual([]);
  });
});

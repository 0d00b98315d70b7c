import { Tensor, createRng } from "@nn/tensor";
import { checkTargets, gradientTargets } from "./check-targets.js";
import { assertTensor, requireFloat64Output } from "./argument-checks.js";
import { describeObject, float64Copy, float64Layer, snapshotState } from "./float64-copy.js";
import { WeightedOutputObjective } from "./objective.js";
import { castNotes, holdRandomness, requireDeterministic } from "./setup-guards.js";
import { resolveOptions } from "./options.js";
import { assembleReport } from "./report.js";
import type { GradcheckOptions, GradcheckReport, Layer } from "./types.js";

/**
 * Checks a layer's backward pass against central differences of L = Σ y ⊙ r, for a fixed seeded
 * Gaussian r (so dL/dy = r): dL/dx and every parameter's gradient. A float32 layer is checked on
 * a float64 copy; a float64 layer is checked in place and left as it was found.
 */
export function checkLayer(layer: Layer, x: Tensor, opts?: GradcheckOptions): GradcheckReport {
  const op = "checkLayer";
  const o = resolveOptions(op, opts);
  assertTensor(op, "x", x);
  const work = float64Layer(op, layer);
  const model = work.layer;
  const who = describeObject(layer);
  const x64 = float64Copy(x);
  const restore = work.inPlace ? snapshotState(model) : () => {};
  try {
    const rng = createRng(o.seed);
    const params = model.parameters();
    holdRandomness(model, () => model.forward(x64, o.mode));

    for (const p of params) p.grad.data.fill(0);
    const y = model.forward(x64, o.mode);
    requireFloat64Output(op, who, "forward output", y);
    const weights = new Float64Array(y.size);
    for (let j = 0; j < weights.length; j++) weights[j] = rng.normal();
    const dx = model.backward(new Tensor(weights, y.shape));
    const targets = gradientTargets(op, who, x, x64.data as Float64Array, dx, params, o.checkInput);

    const objective = new WeightedOutputObjective(() => model.forward(x64, o.mode), weights);
    requireDeterministic(op, who, o.mode, objective);
    const entries = checkTargets(targets, objective, o, rng);
    return assembleReport(entries, o, work.castFrom ?? (x.dtype === "float32" ? "float32" : null), castNotes(work.castFrom, "layer", [["input", x]]));
  } finally {
    model.holdRandomness?.(false);
    restore();
  }
}

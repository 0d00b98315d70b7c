import { type Tensor, createRng } from "@nn/tensor";
import { checkTargets, gradientTargets } from "./check-targets.js";
import { assertLoss, assertTensor, requireFloat64Output, requireShape } from "./argument-checks.js";
import { describeObject, float64Copy, float64Layer, snapshotState } from "./float64-copy.js";
import { ScalarObjective } from "./objective.js";
import { resolveOptions } from "./options.js";
import { assembleReport } from "./report.js";
import { castNotes, holdRandomness, requireDeterministic } from "./setup-guards.js";
import type { GradcheckOptions, GradcheckReport, Layer, Loss } from "./types.js";

/**
 * Checks a whole model end to end: the objective is `loss.forward(model.forward(x), y)`, and the
 * analytic gradients come from `model.backward(loss.backward())`, as in a training step.
 */
export function checkModel(model: Layer, loss: Loss, x: Tensor, y: Tensor, opts?: GradcheckOptions): GradcheckReport {
  const op = "checkModel";
  const o = resolveOptions(op, opts);
  assertTensor(op, "x", x);
  assertTensor(op, "y", y);
  assertLoss(op, loss);
  const work = float64Layer(op, model);
  const net = work.layer;
  const who = describeObject(model);
  const lossName = describeObject(loss);
  const x64 = float64Copy(x);
  const y64 = float64Copy(y);
  const restore = work.inPlace ? snapshotState(net) : () => {};
  try {
    const params = net.parameters();
    holdRandomness(net, () => net.forward(x64, o.mode));

    for (const p of params) p.grad.data.fill(0);
    const pred = net.forward(x64, o.mode);
    requireFloat64Output(op, who, "forward output", pred);
    loss.forward(pred, y64);
    const dpred = loss.backward();
    requireFloat64Output(op, lossName, "dL/dpred", dpred);
    requireShape(op, lossName, "dL/dpred", dpred.shape, pred.shape);
    const dx = net.backward(dpred);
    const targets = gradientTargets(op, who, x, x64.data as Float64Array, dx, params, o.checkInput);

    const objective = new ScalarObjective(() => loss.forward(net.forward(x64, o.mode), y64));
    requireDeterministic(op, `${who} with ${lossName}`, o.mode, objective);
    const entries = checkTargets(targets, objective, o, createRng(o.seed));
    return assembleReport(entries, o, work.castFrom ?? (x.dtype === "float32" ? "float32" : null), castNotes(work.castFrom, "model", [["input", x], ["target", y]]));
  } finally {
    net.holdRandomness?.(false);
    restore();
  }
}

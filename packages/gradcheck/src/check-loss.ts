import { type Tensor, createRng } from "@nn/tensor";
import { checkTargets } from "./check-targets.js";
import { assertLoss, assertTensor, requireFloat64Output, requireShape } from "./argument-checks.js";
import { describeObject, float64Copy } from "./float64-copy.js";
import { ScalarObjective } from "./objective.js";
import { resolveOptions } from "./options.js";
import { assembleReport } from "./report.js";
import { castNotes, requireDeterministic } from "./setup-guards.js";
import type { GradcheckOptions, GradcheckReport, Loss } from "./types.js";

/**
 * Checks a loss's `backward()` (dL/dpred) against central differences of `forward(pred, target)`.
 * Targets are data, not variables, so only `pred` is checked. `mode` and `checkInput` do not apply.
 */
export function checkLoss(loss: Loss, pred: Tensor, target: Tensor, opts?: GradcheckOptions): GradcheckReport {
  const op = "checkLoss";
  const o = resolveOptions(op, opts);
  assertLoss(op, loss);
  assertTensor(op, "pred", pred);
  assertTensor(op, "target", target);
  const who = describeObject(loss);
  const pred64 = float64Copy(pred);
  const target64 = float64Copy(target);

  loss.forward(pred64, target64);
  const grad = loss.backward();
  requireFloat64Output(op, who, "dL/dpred", grad);
  requireShape(op, who, "dL/dpred", grad.shape, pred.shape);
  const analytic = Float64Array.from(grad.data);

  const objective = new ScalarObjective(() => loss.forward(pred64, target64));
  requireDeterministic(op, who, o.mode, objective);
  const entries = checkTargets([{ name: "pred", shape: pred.shape, values: pred64.data as Float64Array, analytic }], objective, o, createRng(o.seed));
  const castFrom = pred.dtype === "float32" ? "float32" : null;
  return assembleReport(entries, o, castFrom, castNotes(null, "loss", [["pred", pred], ["target", target]]));
}

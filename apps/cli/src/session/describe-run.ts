import type { TrainOptions } from "../args/train-options.js";
import type { RunDescription } from "../ui/Header.js";
import { activationLabel, type BuiltRun } from "./build-run.js";

const OPTIMIZER_LABEL = { sgd: "SGD", adam: "Adam", adamw: "AdamW", rmsprop: "RMSprop", adagrad: "Adagrad" } as const;

/** The header's words for a run: data, architecture, parameter count, optimizer. */
export function describeRun(options: TrainOptions, run: BuiltRun): RunDescription {
  const n = run.raw.x.shape[0];
  const held = options.testSplit > 0 ? ` · ${Math.round(options.testSplit * 100)}% held out` : "";
  const data = `${run.dataName} · ${n} samples · ${run.inputFeatures} features · ${Math.max(2, run.raw.numClasses)} classes${held}${options.standardize ? " · standardised" : ""}`;
  const widths = [run.inputFeatures, ...options.layers, run.outputUnits].join("→");
  const extras = [
    options.dropout > 0 ? `dropout ${options.dropout}` : "",
    options.l2 > 0 ? `L2 ${options.l2}` : "",
  ].filter((s) => s !== "");
  const architecture = [
    widths,
    activationLabel(options.activation),
    run.binary ? "sigmoid · BCE" : "softmax · CE",
    options.init,
    ...extras,
  ].join(" · ");
  const parameters = run.model.parameters().reduce((sum, p) => sum + p.value.size, 0);
  const batch = options.batchSize === 0 ? "full batch" : `batch ${options.batchSize}`;
  const schedule = options.schedule === "constant" ? "" : ` · ${options.schedule} schedule`;
  const optimizer = `${OPTIMIZER_LABEL[options.optimizer]} · ${batch}${schedule} ·`;
  return { data, architecture, parameters, optimizer };
}

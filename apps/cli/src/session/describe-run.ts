import { activationLabel, featureLabel, isIdentityFeatures, type BuiltRun, type Setting } from "@nn/studio";
import type { RunDescription } from "../ui/Header.js";

const OPTIMIZER_LABEL = { sgd: "SGD", adam: "Adam", adamw: "AdamW", rmsprop: "RMSprop", adagrad: "Adagrad" } as const;

/** The header's words for a run: data, inputs, architecture, parameter count, optimizer, regularisation. */
export function describeRun(setting: Setting, run: BuiltRun, dataName: string): RunDescription {
  const n = run.raw.x.shape[0];
  const held = setting.testSplit > 0 ? ` · ${Math.round(setting.testSplit * 100)}% held out` : "";
  const noise = run.raw.x.shape[1] === 2 && setting.samples > 0 ? ` · noise ${setting.noise}` : "";
  const inputs = isIdentityFeatures(setting.features) ? `${run.raw.x.shape[1]} features` : `inputs ${setting.features.map(featureLabel).join(" ")}`;
  const target = run.regression ? "real-valued target" : `${Math.max(2, run.raw.numClasses)} classes`;
  const data = `${dataName} · ${n} samples${noise} · ${inputs} · ${target}${held}${setting.standardize ? " · standardised" : ""}`;
  const widths = [run.inputFeatures, ...setting.layers, run.outputUnits].join("→");
  const extras = [
    setting.dropout > 0 ? `dropout ${setting.dropout}` : "",
    setting.l1 > 0 ? `L1 ${setting.l1}` : "",
    setting.l2 > 0 ? `L2 ${setting.l2}` : "",
    setting.clip > 0 ? `clip ${setting.clip}` : "",
  ].filter((s) => s !== "");
  const architecture = [widths, activationLabel(setting.activation), run.regression ? "linear · MSE" : run.binary ? "sigmoid · BCE" : "softmax · CE", setting.init, ...extras].join(" · ");
  const parameters = run.model.parameters().reduce((sum, p) => sum + p.value.size, 0);
  const batch = setting.batchSize === 0 ? "full batch" : `batch ${setting.batchSize}`;
  const schedule = setting.schedule === "constant" ? "" : ` · ${setting.schedule} schedule`;
  const optimizer = `${OPTIMIZER_LABEL[setting.optimizer]} · ${batch}${schedule} ·`;
  return { data, architecture, parameters, optimizer };
}

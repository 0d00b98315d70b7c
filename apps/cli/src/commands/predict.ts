import { writeFileSafely } from "@nn/layers/node";
import { Tensor, argmax, softmax } from "@nn/tensor";
import { predict } from "@nn/train";
import { FlagReader } from "../args/flag-values.js";
import { formatFlagHelp, parseFlags, type FlagSpecs } from "../args/parse-flags.js";
import { EXIT_OK, UsageError } from "../args/usage-error.js";
import { firstLine } from "../session/load-data.js";
import type { Command, CommandIO } from "./command.js";
import { readModelFile } from "./model-file.js";
import { checkOutputFlag } from "./output-path.js";
import { checkModelValues, checkOutputs, checkScaledInputs } from "./predict-checks.js";
import { csvRecord } from "./predictions-csv.js";
import { readFeaturesCsv } from "./read-features-csv.js";

const FLAGS: FlagSpecs = {
  model: { type: "string", value: "<m.json>", description: "a model saved by nn train --save (required)" },
  input: { type: "string", value: "<data.csv>", description: "raw feature rows, one per line, optional header (required)" },
  output: { type: "string", value: "<out.csv>", description: "write the predictions here (default: stdout)" },
  exact: { type: "boolean", description: "every digit of each probability or value (the shortest decimal that reads back as the same double), not 6 decimals" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export const predictCommand: Command = {
  name: "predict",
  summary: "classify the rows of a CSV file with a saved model",
  usage: () =>
    [
      "usage: nn predict --model m.json --input data.csv [--output out.csv]",
      "",
      "Applies the model's saved input scaling, then prints one line per input row: the predicted",
      "class and the probability of every class (header: class,p_<name>,...); for a regression",
      "model (trained with --problem regression), the predicted value (header: prediction).",
      "",
      formatFlagHelp(FLAGS),
    ].join("\n"),
  run: runPredict,
};

async function runPredict(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags("predict", argv, FLAGS);
  const f = new FlagReader("predict", values);
  if (f.boolean("help")) {
    io.stdout.write(predictCommand.usage() + "\n");
    return EXIT_OK;
  }
  const output = f.string("output");
  if (output !== undefined) checkOutputFlag("predict", "output", output);
  const modelPath = f.requiredString("model"), inputPath = f.requiredString("input");
  const loaded = await readModelFile("predict", modelPath);
  checkModelValues("predict", modelPath, loaded.model, loaded.scaler);
  // Read in the model's dtype: a float64 model's inputs are not rounded to float32 first.
  const rows = await readFeaturesCsv("predict", inputPath, loaded.rawInputs, loaded.rawFeatureNames, loaded.model.dtype);
  const inputs = loaded.toModelInputs(rows.x);
  const x = loaded.scaler === undefined ? inputs : loaded.scaler.transform(inputs);
  checkScaledInputs("predict", inputPath, inputs, x, rows.lines, loaded.featureNames);
  const out = predict(loaded.model, x);
  checkOutputs("predict", inputPath, out, rows.lines);
  const format = f.boolean("exact") ? String : formatProbability;
  const text = loaded.regression ? valuesCsv(out, format) : predictionsCsv(out, loaded.classNames, format);
  if (output === undefined) io.stdout.write(text);
  else {
    io.registerOutput?.(output);
    await writeOutput(output, text);
  }
  return EXIT_OK;
}

/** The predictions as RFC 4180 CSV: header class,p_<name>,..., then one record per input row. */
function predictionsCsv(out: Tensor, names: readonly string[], format: (p: number) => string): string {
  const lines = [csvRecord(["class", ...names.map((c) => `p_${c}`)])];
  const n = out.shape[0];
  if (n > 0) {
    const probs = classProbabilities(out.reshape([n, out.size / n]));
    const best = argmax(probs, 1).data, k = probs.shape[1];
    for (let i = 0; i < n; i++) {
      lines.push(csvRecord([names[best[i]], ...Array.from(probs.data.subarray(i * k, (i + 1) * k), format)]));
    }
  }
  return lines.join("\n") + "\n";
}

/** A regression model's predictions as CSV: header `prediction`, then one value per input row. */
function valuesCsv(out: Tensor, format: (v: number) => string): string {
  return [csvRecord(["prediction"]), ...Array.from(out.data, (v) => csvRecord([format(v)]))].join("\n") + "\n";
}

/** The model outputs [n, units] as class probabilities in float64: a sigmoid output p → [1 − p, p]; logits → softmax. */
function classProbabilities(out: Tensor): Tensor {
  const [n, units] = out.shape;
  if (units !== 1) return softmax(out.astype("float64"));
  const p = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    p[2 * i] = 1 - out.data[i];
    p[2 * i + 1] = out.data[i];
  }
  return new Tensor(p, [n, 2]);
}

function formatProbability(p: number): string {
  return Number(p.toFixed(6)).toString();
}

/** Through writeFileSafely: a file is replaced atomically, a link followed, a FIFO or device written in place. */
async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFileSafely(path, text);
  } catch (error) {
    throw new UsageError(`nn predict: ${firstLine(error)}`);
  }
}

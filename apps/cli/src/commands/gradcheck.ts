import { checkModel, formatReport } from "@nn/gradcheck";
import { BinaryCrossEntropyLoss, MSELoss, SoftmaxCrossEntropyLoss } from "@nn/layers";
import { createRng, randn, Tensor } from "@nn/tensor";
import { FlagReader } from "../args/flag-values.js";
import { formatFlagHelp, parseFlags, type FlagSpecs } from "../args/parse-flags.js";
import { parseTrainArgs, TRAIN_FLAGS } from "../args/train-options.js";
import { EXIT_OK, EXIT_TRAINING_FAILED, UsageError } from "../args/usage-error.js";
import { checkRunMemory } from "../limits/check-run-memory.js";
import { buildRun } from "../session/build-run.js";
import { firstLine } from "../session/load-data.js";
import type { Command, CommandIO } from "./command.js";
import { readModelFile } from "./model-file.js";
import { readFeaturesCsv } from "./read-features-csv.js";

const OWN_FLAGS: FlagSpecs = {
  model: { type: "string", value: "<m.json>", description: "check a saved model instead of one built from the flags" },
  input: { type: "string", value: "<data.csv>", description: "with --model: raw rows to check on (default: random standard-normal rows)" },
  rows: { type: "string", value: "<n>", description: "rows of data the check runs on", default: "4" },
  "max-coordinates": { type: "string", value: "<n>", description: "coordinates checked per tensor", default: "1000" },
  rtol: { type: "string", value: "<x>", description: "relative tolerance", default: "1e-6" },
  atol: { type: "string", value: "<x>", description: "absolute tolerance", default: "1e-8" },
};
// Model-building flags shared with nn train (display and saving flags make no sense here).
const MODEL_FLAG_NAMES = ["data", "samples", "noise", "label-column", "layers", "activation", "init", "dropout", "seed", "no-standardize", "classes", "help"];
const FLAGS: FlagSpecs = { ...OWN_FLAGS, ...Object.fromEntries(MODEL_FLAG_NAMES.map((n) => [n, TRAIN_FLAGS[n]])) };

export const gradcheckCommand: Command = {
  name: "gradcheck",
  summary: "check a model's backward pass against numerical gradients",
  usage: () =>
    [
      "usage: nn gradcheck [model flags] | nn gradcheck --model m.json [--input data.csv]",
      "",
      "Compares every parameter's analytic gradient (backward) with central differences in float64",
      "on a few rows of data, and prints the report as a table. Exit code 0 when it passes, 1 when not.",
      "",
      formatFlagHelp(FLAGS),
    ].join("\n"),
  run: runGradcheck,
};

async function runGradcheck(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags("gradcheck", argv, FLAGS);
  const f = new FlagReader("gradcheck", values);
  if (f.boolean("help")) {
    io.stdout.write(gradcheckCommand.usage() + "\n");
    return EXIT_OK;
  }
  const rows = f.integer("rows", 4);
  const opts = {
    maxCoordinates: f.integer("max-coordinates", 1000),
    rtol: f.number("rtol", 1e-6, { positive: true }),
    atol: f.number("atol", 1e-8, { min: 0 }),
  };
  const { model, x, y, output, source } = f.has("model") ? await fromFile(f, rows) : fromFlags(argv, rows);
  const loss = output === "regression" ? new MSELoss() : output === "binary" ? new BinaryCrossEntropyLoss() : new SoftmaxCrossEntropyLoss();
  let report;
  try {
    report = checkModel(model, loss, x, y, opts);
  } catch (error) {
    throw new UsageError(`nn gradcheck: ${firstLine(error)}`);
  }
  io.stdout.write(`${source}\n\n${formatReport(report)}\n`);
  return report.passed ? EXIT_OK : EXIT_TRAINING_FAILED;
}

interface CheckSetup {
  model: Parameters<typeof checkModel>[0];
  x: Tensor;
  y: Tensor;
  /** What the output is, which picks the loss: a sigmoid probability (BCE), logits (CE) or a value (MSE). */
  output: OutputKind;
  source: string;
}

type OutputKind = "binary" | "multiclass" | "regression";

function outputKind(regression: boolean, outputUnits: number): OutputKind {
  return regression ? "regression" : outputUnits === 1 ? "binary" : "multiclass";
}

function fromFlags(argv: readonly string[], rows: number): CheckSetup {
  const own = new Set(Object.keys(OWN_FLAGS));
  // Keep only model flags (and their values) for the train parser.
  const modelArgv: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "").split("=")[0];
    if (own.has(name)) {
      if (!argv[i].includes("=")) i++;
      continue;
    }
    modelArgv.push(argv[i]);
  }
  const { options } = parseTrainArgs(modelArgv, "gradcheck");
  // The whole data set and model are built before the few rows are taken: size them first.
  checkRunMemory("gradcheck", options);
  let run;
  try {
    run = buildRun(options, options.seed);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`nn gradcheck: ${firstLine(error)}`);
  }
  const n = Math.min(rows, run.train.x.shape[0]);
  const width = run.train.x.shape[1];
  const x = new Tensor(run.train.x.data.slice(0, n * width), [n, width]);
  const output = outputKind(run.regression, run.outputUnits);
  const y = targetFor(run.train.y.data.slice(0, n), n, output);
  const widths = [run.inputFeatures, ...options.layers, run.outputUnits].join("→");
  return { model: run.model, x, y, output, source: `model ${widths} (${options.activation}, ${options.init}) on ${n} rows of ${run.dataName}, freshly initialised with seed ${options.seed}` };
}

async function fromFile(f: FlagReader, rows: number): Promise<CheckSetup> {
  const path = f.requiredString("model");
  const loaded = await readModelFile("gradcheck", path);
  const width = loaded.inputFeatures;
  let x: Tensor;
  const input = f.string("input");
  if (input !== undefined) {
    const raw = (await readFeaturesCsv("gradcheck", input, width, loaded.featureNames)).x;
    const n = Math.min(rows, raw.shape[0]);
    const head = new Tensor(raw.data.slice(0, n * width), [n, width]);
    x = loaded.scaler === undefined ? head : loaded.scaler.transform(head);
  } else {
    // Standardised inputs look like draws from N(0, 1): a fair place to test the gradients.
    x = randn([rows, width], createRng(0));
  }
  const n = x.shape[0];
  const output = outputKind(loaded.regression, loaded.outputUnits);
  const k = output === "multiclass" ? loaded.outputUnits : 2;
  const labels = Float32Array.from({ length: n }, (_, i) => i % k);
  return { model: loaded.model, x, y: targetFor(labels, n, output), output, source: `model ${path} on ${n} rows${input === undefined ? " of N(0, 1) inputs" : ` of ${input}`}` };
}

/** BCE and MSE take targets shaped like the [n, 1] outputs; softmax cross-entropy takes class indices [n]. */
function targetFor(labels: ArrayLike<number>, n: number, output: OutputKind): Tensor {
  const data = Float32Array.from(labels);
  return new Tensor(data, output === "multiclass" ? [n] : [n, 1]);
}

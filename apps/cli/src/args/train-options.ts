import { suggestName } from "./did-you-mean.js";
// The names a setting can take are @nn/studio's (the browser Playground offers the same).
import {
  ACTIVATIONS, BUILTIN_DATASETS, DEFAULT_NOISE, INITS, OPTIMIZERS, REAL_DATASETS, SCHEDULES, SYNTHETIC_DATASETS,
  type ActivationName, type BuiltinDataset, type InitName, type OptimizerName, type ScheduleName, type SyntheticDataset,
  FEATURES, parseValue, SETTING_FIELDS, type FeatureName, type Setting, CLASS_COUNT_DATASETS, hasClassCount, PROBLEMS, defaultProblem, isRegressionData,
  REGRESSION_DATASETS, type ProblemName,
} from "@nn/studio";
import { FlagReader } from "./flag-values.js";
import { parseFlags, type FlagSpecs } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

export {
  ACTIVATIONS, BUILTIN_DATASETS, DEFAULT_NOISE, INITS, OPTIMIZERS, REAL_DATASETS, SCHEDULES, SYNTHETIC_DATASETS,
  type ActivationName, type BuiltinDataset, type InitName, type OptimizerName, type ScheduleName, type SyntheticDataset,
};

/** Where the data comes from: a built-in set (with generator settings; 0 for shipped sets) or a CSV file. */
export type DataSource =
  | { readonly kind: "builtin"; readonly name: BuiltinDataset; readonly samples: number; readonly noise: number; readonly classes?: number }
  | { readonly kind: "csv"; readonly path: string; readonly labelColumn?: string };

/**
 * Everything `nn train` needs; also stored in a saved model's metadata as `options`. The fields are
 * @nn/studio's setting, with the data as a source (the generator settings travel inside it).
 */
export interface TrainOptions extends Omit<Setting, "data" | "samples" | "noise" | "classes"> {
  readonly data: DataSource;
  readonly save?: string;
}

/** How the run is shown: the live screen, plain lines or JSON lines. */
export interface DisplayOptions {
  readonly json: boolean;
  readonly plain: boolean;
  readonly fps: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  data: { kind: "builtin", name: "moons", samples: 1000, noise: 0.2 },
  problem: "classification",
  layers: [64, 32],
  activation: "relu",
  init: "he-normal",
  optimizer: "sgd",
  lr: 0.1,
  momentum: 0,
  nesterov: false,
  beta1: 0.9,
  beta2: 0.999,
  weightDecay: 0,
  schedule: "constant",
  gamma: 0.1,
  stepSize: 500,
  warmup: 0,
  epochs: 2000,
  batchSize: 0,
  dropout: 0,
  features: ["x1", "x2"],
  l1: 0,
  l2: 0,
  clip: 0,
  testSplit: 0.25,
  seed: 1,
  standardize: true,
};

const D = DEFAULT_TRAIN_OPTIONS;

export const TRAIN_FLAGS: FlagSpecs = {
  data: { type: "string", value: "<name|file.csv>", description: `data set: ${BUILTIN_DATASETS.join(", ")}, or a CSV file`, default: "moons" },
  problem: { type: "string", value: "<name>", description: `${PROBLEMS.join(" or ")} (MSE on a real-valued target: ${REGRESSION_DATASETS.join(", ")}, or a CSV's label column)`, default: "the data's own" },
  samples: { type: "string", value: "<n>", description: "points generated for a synthetic set", default: "1000" },
  classes: { type: "string", value: "<k>", description: "spirals: arms; blobs: centres (at least 2)", default: "spirals 2, blobs 3" },
  noise: { type: "string", value: "<x>", description: "noise of a synthetic set (blobs: cluster std; plane, multi-gaussian: the Playground's label noise)", default: "moons 0.2, circles/spirals/xor 0.1, blobs 1, checkerboard/plane/multi-gaussian 0.05" },
  "label-column": { type: "string", value: "<name|index>", description: "CSV: the label column", default: "the last" },
  layers: { type: "string", value: "<a,b,…>", description: "hidden layer widths", default: "64,32" },
  activation: { type: "string", value: "<name>", description: ACTIVATIONS.join(", "), default: D.activation },
  init: { type: "string", value: "<name>", description: INITS.join(", "), default: D.init },
  optimizer: { type: "string", value: "<name>", description: OPTIMIZERS.join(", "), default: D.optimizer },
  lr: { type: "string", value: "<x>", description: "learning rate", default: String(D.lr) },
  momentum: { type: "string", value: "<x>", description: "SGD/RMSprop momentum", default: "0" },
  nesterov: { type: "boolean", description: "SGD with Nesterov momentum (needs --momentum > 0)" },
  beta1: { type: "string", value: "<x>", description: "Adam/AdamW β1", default: "0.9" },
  beta2: { type: "string", value: "<x>", description: "Adam/AdamW β2", default: "0.999" },
  "weight-decay": { type: "string", value: "<x>", description: "optimizer weight decay", default: "0 (AdamW 0.01)" },
  schedule: { type: "string", value: "<name>", description: `learning-rate schedule: ${SCHEDULES.join(", ")}`, default: "constant" },
  gamma: { type: "string", value: "<x>", description: "decay factor of step/exponential/plateau", default: "0.1 (exponential 0.999)" },
  "step-size": { type: "string", value: "<epochs>", description: "epochs between step decays; cosine period", default: "500" },
  warmup: { type: "string", value: "<epochs>", description: "linear warm-up epochs before the schedule", default: "0" },
  epochs: { type: "string", value: "<n>", description: "epochs to train", default: String(D.epochs) },
  "batch-size": { type: "string", value: "<n|full>", description: "mini-batch size", default: "full" },
  dropout: { type: "string", value: "<p>", description: "dropout after each hidden layer", default: "0" },
  features: { type: "string", value: "<a,b,…>", description: `inputs computed from a 2-D set's x1, x2: ${FEATURES.map((f) => f.name).join(", ")}`, default: "x1,x2" },
  l1: { type: "string", value: "<λ>", description: "L1 penalty on the weights", default: "0" },
  l2: { type: "string", value: "<λ>", description: "L2 penalty on the weights", default: "0" },
  clip: { type: "string", value: "<max-norm>", description: "clip the gradient's total L2 norm before each update", default: "no clipping" },
  "test-split": { type: "string", value: "<fraction>", description: "share held out for validation", default: "0.25" },
  seed: { type: "string", value: "<n>", description: "seed of data, init, shuffling and dropout", default: String(D.seed) },
  "no-standardize": { type: "boolean", description: "feed raw inputs (default: standardise with the training split's mean/std)" },
  save: { type: "string", value: "<file.json>", description: "save the model here when training ends, on q, Ctrl-C or s" },
  json: { type: "boolean", description: "one JSON object per epoch on stdout instead of the screen" },
  plain: { type: "boolean", description: "plain progress lines even in a terminal" },
  fps: { type: "string", value: "<n>", description: "screen refreshes per second", default: "12" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export interface ParsedTrainArgs {
  readonly options: TrainOptions;
  readonly display: DisplayOptions;
  readonly help: boolean;
}

/** Validates `nn train` flags into options; any bad value is a UsageError naming the flag. */
export function parseTrainArgs(argv: readonly string[], command = "train"): ParsedTrainArgs {
  const { values } = parseFlags(command, argv, TRAIN_FLAGS);
  const f = new FlagReader(command, values);
  const data = readDataSource(f, command);
  const optimizer = f.choice("optimizer", OPTIMIZERS, D.optimizer);
  const schedule = f.choice("schedule", SCHEDULES, D.schedule);
  if (schedule === "plateau" && f.has("warmup")) {
    throw new UsageError(`nn ${command}: --warmup cannot be combined with --schedule plateau`);
  }
  const batchRaw = f.string("batch-size");
  const batchSize = batchRaw === undefined || batchRaw.toLowerCase() === "full" ? 0 : f.integer("batch-size", 0);
  const options: TrainOptions = {
    data,
    problem: readProblem(f, data, command),
    layers: f.integerList("layers", D.layers),
    activation: f.choice("activation", ACTIVATIONS, D.activation),
    init: f.choice("init", INITS, D.init),
    optimizer,
    lr: f.number("lr", optimizer === "sgd" ? D.lr : optimizer === "adagrad" ? 0.01 : 0.001, { positive: true }),
    momentum: f.number("momentum", 0, { min: 0, belowOne: true }),
    nesterov: readNesterov(f, optimizer, command),
    beta1: f.number("beta1", 0.9, { min: 0, belowOne: true }),
    beta2: f.number("beta2", 0.999, { min: 0, belowOne: true }),
    weightDecay: f.number("weight-decay", optimizer === "adamw" ? 0.01 : 0, { min: 0 }),
    schedule,
    gamma: f.number("gamma", schedule === "exponential" ? 0.999 : 0.1, { positive: true, max: 1 }),
    stepSize: f.integer("step-size", D.stepSize),
    warmup: f.integer("warmup", 0, 0),
    epochs: f.integer("epochs", D.epochs),
    batchSize,
    dropout: f.number("dropout", 0, { min: 0, belowOne: true }),
    features: readFeatures(f, command),
    l1: f.number("l1", 0, { min: 0 }),
    l2: f.number("l2", 0, { min: 0 }),
    clip: f.number("clip", 0, { positive: true }),
    testSplit: readTestSplit(f),
    seed: f.integer("seed", D.seed, 0),
    standardize: !f.boolean("no-standardize"),
    ...(f.string("save") !== undefined ? { save: readSavePath(f, command) } : {}),
  };
  const display: DisplayOptions = {
    json: f.boolean("json"),
    plain: f.boolean("plain"),
    fps: f.number("fps", 12, { min: 1, max: 60 }),
  };
  return { options, display, help: f.boolean("help") };
}

/** --features: the setting table's grammar (@nn/studio), so flags and URLs read alike. */
function readFeatures(f: FlagReader, command: string): readonly FeatureName[] {
  const raw = f.string("features");
  if (raw === undefined) return D.features;
  try {
    return parseValue(SETTING_FIELDS.find((field) => field.key === "features")!, raw) as readonly FeatureName[];
  } catch (error) {
    throw new UsageError(`nn ${command}: --features ${(error as Error).message.replace(/^setting: features /, "")}`);
  }
}

/** --problem: the data's own unless given; a built-in set refuses the other one. */
function readProblem(f: FlagReader, data: DataSource, command: string): ProblemName {
  const name = data.kind === "builtin" ? data.name : data.path;
  const own = defaultProblem(name);
  const problem = f.choice("problem", PROBLEMS, own);
  if (data.kind === "builtin" && problem !== own) {
    throw new UsageError(
      isRegressionData(name)
        ? `nn ${command}: --problem classification does not fit ${name}: it is a regression set (a real-valued target)`
        : `nn ${command}: --problem regression does not fit ${name}: it has classes; the regression sets are ${REGRESSION_DATASETS.join(", ")} (or a CSV with a numeric label column)`,
    );
  }
  return problem;
}

/** --nesterov: SGD's Nesterov momentum, which needs --momentum > 0 (other optimizers ignore it, as they ignore --momentum). */
function readNesterov(f: FlagReader, optimizer: OptimizerName, command: string): boolean {
  const nesterov = f.boolean("nesterov");
  if (nesterov && optimizer === "sgd" && !(f.number("momentum", 0, { min: 0, belowOne: true }) > 0)) {
    throw new UsageError(`nn ${command}: --nesterov needs --momentum > 0`);
  }
  return nesterov;
}

function readTestSplit(f: FlagReader): number {
  const split = f.number("test-split", D.testSplit, { min: 0, belowOne: true });
  return split;
}

function readSavePath(f: FlagReader, command: string): string {
  const path = f.string("save")!;
  if (path.trim() === "") throw new UsageError(`nn ${command}: --save needs a file name`);
  return path;
}

function readDataSource(f: FlagReader, command: string): DataSource {
  const raw = f.string("data");
  const isBuiltin = (name: string): name is BuiltinDataset => (BUILTIN_DATASETS as readonly string[]).includes(name);
  const name = raw?.toLowerCase() ?? "moons";
  if (isBuiltin(name)) {
    const synthetic = (SYNTHETIC_DATASETS as readonly string[]).includes(name);
    if (!synthetic && (f.has("samples") || f.has("noise"))) {
      throw new UsageError(`nn ${command}: --samples and --noise apply to synthetic sets only, not ${name}`);
    }
    if (f.has("classes") && !hasClassCount(name)) {
      throw new UsageError(`nn ${command}: --classes applies to ${CLASS_COUNT_DATASETS.join(" and ")} only, not ${name}`);
    }
    if (!synthetic) return { kind: "builtin", name, samples: 0, noise: 0 };
    return {
      kind: "builtin",
      name,
      samples: f.integer("samples", 1000, 4),
      noise: f.number("noise", DEFAULT_NOISE[name as SyntheticDataset], { min: 0 }),
      ...(hasClassCount(name) ? { classes: f.integer("classes", 0, 2) } : {}),
    };
  }
  if (raw !== undefined && raw.toLowerCase().endsWith(".csv")) {
    const labelColumn = f.string("label-column");
    return labelColumn === undefined ? { kind: "csv", path: raw } : { kind: "csv", path: raw, labelColumn };
  }
  throw new UsageError(
    `nn ${command}: --data must be one of ${BUILTIN_DATASETS.join(", ")} or a .csv file, got ${raw === "" ? '""' : raw}` +
      suggestName(raw ?? "", BUILTIN_DATASETS),
  );
}

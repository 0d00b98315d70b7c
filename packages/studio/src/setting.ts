import { FEATURES, type FeatureName } from "./features.js";

/** The Playground's regression sets: a real-valued target over the plane (`makePlane`, `makeMultiGaussian`). */
export const REGRESSION_DATASETS = ["plane", "multi-gaussian"] as const;
export type RegressionDataset = (typeof REGRESSION_DATASETS)[number];
/** Generated from (samples, noise, seed): the classification sets, then the regression sets. */
export const SYNTHETIC_DATASETS = ["moons", "circles", "spirals", "xor", "blobs", "checkerboard", ...REGRESSION_DATASETS] as const;
export type SyntheticDataset = (typeof SYNTHETIC_DATASETS)[number];
export const REAL_DATASETS = ["iris", "breast-cancer", "digits"] as const;
export const BUILTIN_DATASETS = [...SYNTHETIC_DATASETS, ...REAL_DATASETS] as const;
export type BuiltinDataset = (typeof BUILTIN_DATASETS)[number];
/** Default noise per synthetic set: enough to make the task honest, not so much it becomes guesswork. */
export const DEFAULT_NOISE: Readonly<Record<SyntheticDataset, number>> = {
  moons: 0.2, circles: 0.1, spirals: 0.1, xor: 0.1, blobs: 1, checkerboard: 0.05,
  // The Playground's noise for these: the target is read up to 6·noise away from its point.
  plane: 0.05, "multi-gaussian": 0.05,
};

/** The generated sets whose number of classes is chosen: spirals (arms) and blobs (centres). */
export const CLASS_COUNT_DATASETS = ["spirals", "blobs"] as const;
const DEFAULT_CLASSES: Readonly<Record<string, number>> = { spirals: 2, blobs: 3 };

/** Classes a generated set has unless told otherwise (spirals 2 arms, blobs 3 centres; 2 for the others). */
export function defaultClasses(data: string): number {
  return DEFAULT_CLASSES[data] ?? 2;
}

/** The classes the setting's data set gets: its `classes`, or the set's own when that is 0. */
export function classCount(setting: Pick<Setting, "data" | "classes">): number {
  return setting.classes > 0 ? setting.classes : defaultClasses(setting.data);
}

/** True when the set's number of classes is a setting (spirals, blobs). */
export function hasClassCount(data: string): boolean {
  return (CLASS_COUNT_DATASETS as readonly string[]).includes(data);
}

/** What the network predicts: a class (cross-entropy, accuracy) or a real number (MSE). */
export const PROBLEMS = ["classification", "regression"] as const;
export type ProblemName = (typeof PROBLEMS)[number];

export const ACTIVATIONS = ["relu", "leaky-relu", "tanh", "sigmoid", "gelu", "elu", "silu", "softplus"] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];
export const INITS = ["he-normal", "he-uniform", "xavier-normal", "xavier-uniform", "lecun-normal"] as const;
export type InitName = (typeof INITS)[number];
export const OPTIMIZERS = ["sgd", "adam", "adamw", "rmsprop", "adagrad"] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];
export const SCHEDULES = ["constant", "step", "exponential", "cosine", "plateau"] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

/**
 * Everything that defines a run, flat, as the Playground's state: data, input features, network,
 * optimizer, regularisation. One table (SETTING_FIELDS) lists each entry once and alone turns a
 * setting into command-line flags and into a URL query, and a query back into a setting.
 */
export interface Setting {
  /** A built-in set's name, or a CSV file's path. */
  readonly data: string;
  /** Defaults to the data's own kind: regression for plane and multi-gaussian, classification otherwise. */
  readonly problem: ProblemName;
  readonly samples: number;
  readonly noise: number;
  /** Classes of a generated set that has a choice (CLASS_COUNT_DATASETS): spirals' arms, blobs' centres; 0: the set's own (2 arms, 3 centres). */
  readonly classes: number;
  readonly testSplit: number;
  /** Inputs fed to the network, computed from the two raw features of a 2-D set. */
  readonly features: readonly FeatureName[];
  readonly layers: readonly number[];
  readonly activation: ActivationName;
  readonly init: InitName;
  readonly optimizer: OptimizerName;
  readonly lr: number;
  /** 0: full batch. */
  readonly batchSize: number;
  readonly momentum: number;
  /** SGD with Nesterov momentum (needs momentum > 0). */
  readonly nesterov: boolean;
  readonly beta1: number;
  readonly beta2: number;
  readonly weightDecay: number;
  readonly schedule: ScheduleName;
  readonly gamma: number;
  readonly stepSize: number;
  readonly warmup: number;
  readonly l1: number;
  readonly l2: number;
  readonly dropout: number;
  /** 0: no clipping. */
  readonly clip: number;
  readonly epochs: number;
  readonly seed: number;
  readonly standardize: boolean;
}

export const DEFAULT_SETTING: Setting = {
  data: "moons", problem: "classification", samples: 1000, noise: 0.2, classes: 0, testSplit: 0.25, features: ["x1", "x2"],
  layers: [64, 32], activation: "relu", init: "he-normal",
  optimizer: "sgd", lr: 0.1, batchSize: 0, momentum: 0, nesterov: false, beta1: 0.9, beta2: 0.999, weightDecay: 0,
  schedule: "constant", gamma: 0.1, stepSize: 500, warmup: 0,
  l1: 0, l2: 0, dropout: 0, clip: 0, epochs: 2000, seed: 1, standardize: true,
};

/**
 * What a change of the entry needs: `live` applies to the running model (the learning rate), `model`
 * rebuilds network and optimizer on the same data, `data` regenerates the data first.
 */
export type SettingApply = "live" | "model" | "data";

type Kind =
  | { readonly type: "number"; readonly min?: number; readonly max?: number; readonly belowMax?: boolean; readonly positive?: boolean }
  | { readonly type: "integer"; readonly min: number }
  | { readonly type: "choice"; readonly choices: readonly string[] }
  | { readonly type: "integers" }
  | { readonly type: "features" }
  | { readonly type: "text" }
  | { readonly type: "switch" };

export interface SettingField {
  readonly key: keyof Setting;
  /** The command-line flag (`--flag`) and URL query key. */
  readonly flag: string;
  readonly label: string;
  readonly kind: Kind;
  readonly apply: SettingApply;
}

/** The table: one row per entry of Setting, in the order a settings panel lists them. */
export const SETTING_FIELDS: readonly SettingField[] = [
  { key: "data", flag: "data", label: "data set", kind: { type: "text" }, apply: "data" },
  { key: "problem", flag: "problem", label: "problem", kind: { type: "choice", choices: PROBLEMS }, apply: "data" },
  { key: "noise", flag: "noise", label: "noise", kind: { type: "number", min: 0 }, apply: "data" },
  { key: "samples", flag: "samples", label: "samples", kind: { type: "integer", min: 4 }, apply: "data" },
  { key: "classes", flag: "classes", label: "classes", kind: { type: "integer", min: 0 }, apply: "data" },
  { key: "testSplit", flag: "test-split", label: "held out", kind: { type: "number", min: 0, max: 1, belowMax: true }, apply: "model" },
  { key: "features", flag: "features", label: "features", kind: { type: "features" }, apply: "model" },
  { key: "layers", flag: "layers", label: "hidden layers", kind: { type: "integers" }, apply: "model" },
  { key: "activation", flag: "activation", label: "activation", kind: { type: "choice", choices: ACTIVATIONS }, apply: "model" },
  { key: "init", flag: "init", label: "init", kind: { type: "choice", choices: INITS }, apply: "model" },
  { key: "optimizer", flag: "optimizer", label: "optimizer", kind: { type: "choice", choices: OPTIMIZERS }, apply: "model" },
  { key: "lr", flag: "lr", label: "learning rate", kind: { type: "number", positive: true }, apply: "live" },
  { key: "batchSize", flag: "batch-size", label: "batch size", kind: { type: "integer", min: 0 }, apply: "model" },
  { key: "momentum", flag: "momentum", label: "momentum", kind: { type: "number", min: 0, max: 1, belowMax: true }, apply: "model" },
  { key: "nesterov", flag: "nesterov", label: "Nesterov", kind: { type: "switch" }, apply: "model" },
  { key: "beta1", flag: "beta1", label: "β1", kind: { type: "number", min: 0, max: 1, belowMax: true }, apply: "model" },
  { key: "beta2", flag: "beta2", label: "β2", kind: { type: "number", min: 0, max: 1, belowMax: true }, apply: "model" },
  { key: "weightDecay", flag: "weight-decay", label: "weight decay", kind: { type: "number", min: 0 }, apply: "model" },
  { key: "schedule", flag: "schedule", label: "schedule", kind: { type: "choice", choices: SCHEDULES }, apply: "model" },
  { key: "gamma", flag: "gamma", label: "γ", kind: { type: "number", positive: true, max: 1 }, apply: "model" },
  { key: "stepSize", flag: "step-size", label: "step size", kind: { type: "integer", min: 1 }, apply: "model" },
  { key: "warmup", flag: "warmup", label: "warm-up", kind: { type: "integer", min: 0 }, apply: "model" },
  { key: "l1", flag: "l1", label: "L1", kind: { type: "number", min: 0 }, apply: "model" },
  { key: "l2", flag: "l2", label: "L2", kind: { type: "number", min: 0 }, apply: "model" },
  { key: "dropout", flag: "dropout", label: "dropout", kind: { type: "number", min: 0, max: 1, belowMax: true }, apply: "model" },
  { key: "clip", flag: "clip", label: "clip", kind: { type: "number", min: 0 }, apply: "model" },
  { key: "epochs", flag: "epochs", label: "epochs", kind: { type: "integer", min: 1 }, apply: "live" },
  { key: "seed", flag: "seed", label: "seed", kind: { type: "integer", min: 0 }, apply: "data" },
  { key: "standardize", flag: "no-standardize", label: "standardise", kind: { type: "switch" }, apply: "model" },
];

/** Noise a set gets when none is given; 0 for shipped and CSV data. */
export function defaultNoise(data: string): number {
  return (DEFAULT_NOISE as Readonly<Record<string, number>>)[data] ?? 0;
}

export function isSynthetic(data: string): data is SyntheticDataset {
  return (SYNTHETIC_DATASETS as readonly string[]).includes(data);
}

export function isBuiltin(data: string): data is BuiltinDataset {
  return (BUILTIN_DATASETS as readonly string[]).includes(data);
}

export function isRegressionData(data: string): data is RegressionDataset {
  return (REGRESSION_DATASETS as readonly string[]).includes(data);
}

/** The problem a data set poses unless told otherwise: regression for the regression sets, else classification. */
export function defaultProblem(data: string): ProblemName {
  return isRegressionData(data) ? "regression" : "classification";
}

/** The default of `key` for this setting (noise and problem depend on the data set). */
function defaultOf(setting: Setting, key: keyof Setting): Setting[keyof Setting] {
  if (key === "noise") return defaultNoise(setting.data);
  if (key === "problem") return defaultProblem(setting.data);
  if (key === "samples") return isSynthetic(setting.data) ? DEFAULT_SETTING.samples : 0;
  return DEFAULT_SETTING[key];
}

/** The text form of one entry, as a flag value and in a URL. */
export function formatValue(field: SettingField, value: Setting[keyof Setting]): string {
  if (Array.isArray(value)) return value.join(",");
  if (field.key === "batchSize" && value === 0) return "full";
  return String(value);
}

function same(a: Setting[keyof Setting], b: Setting[keyof Setting]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The entries that differ from their defaults (so a flag line or a link stays short). */
function changedFields(setting: Setting): SettingField[] {
  return SETTING_FIELDS.filter((f) => {
    if ((f.key === "noise" || f.key === "samples") && !isSynthetic(setting.data)) return false;
    return !same(setting[f.key], defaultOf(setting, f.key));
  });
}

/** `nn train` flags that reproduce the setting: `["--data", "spirals", "--lr", "0.03"]`. */
export function settingToFlags(setting: Setting): string[] {
  const out: string[] = [];
  for (const f of changedFields(setting)) {
    if (f.kind.type === "switch") {
      out.push(`--${f.flag}`);
      continue;
    }
    out.push(`--${f.flag}`, formatValue(f, setting[f.key]));
  }
  return out;
}

/** A URL query (`data=spirals&lr=0.03`) that reproduces the setting; see settingFromQuery. */
export function settingToQuery(setting: Setting): string {
  const params = new URLSearchParams();
  for (const f of changedFields(setting)) {
    params.set(f.key === "standardize" ? "standardize" : f.flag, f.kind.type === "switch" ? String(setting[f.key]) : formatValue(f, setting[f.key]));
  }
  return params.toString();
}

/**
 * A setting from a URL query written by settingToQuery (a leading `?` or `#` is ignored). Entries
 * missing from it take their defaults; bad or unknown entries throw one RangeError naming each of them.
 */
export function settingFromQuery(query: string): Setting {
  const params = new URLSearchParams(query.replace(/^[?#]/, ""));
  const data = params.get("data") ?? DEFAULT_SETTING.data;
  const base: Record<string, unknown> = {
    ...DEFAULT_SETTING, data, problem: defaultProblem(data), noise: defaultNoise(data), samples: isSynthetic(data) ? DEFAULT_SETTING.samples : 0,
  };
  // Every wrong entry is named at once, so a hand-edited link is fixed in one go.
  const problems: string[] = [];
  let unknown = false;
  for (const [name, text] of params) {
    const field = SETTING_FIELDS.find((f) => (f.key === "standardize" ? name === "standardize" : f.flag === name));
    if (field === undefined) {
      problems.push(`unknown entry "${name}"`);
      unknown = true;
      continue;
    }
    try {
      base[field.key] = parseValue(field, text);
    } catch (error) {
      problems.push((error as Error).message.replace(/^setting: /, ""));
    }
  }
  if (problems.length > 0) {
    const entries = unknown ? ` (entries: ${SETTING_FIELDS.map((f) => f.key === "standardize" ? "standardize" : f.flag).join(", ")})` : "";
    throw new RangeError(`setting: ${problems.join("; ")}${entries}`);
  }
  return checkSetting(base as unknown as Setting);
}

/** Reads the text of one entry; a RangeError names the entry, the text and what it must be. */
export function parseValue(field: SettingField, text: string): Setting[keyof Setting] {
  const bad = (what: string): never => {
    throw new RangeError(`setting: ${field.flag} must be ${what}, got "${text}"`);
  };
  const kind = field.kind;
  switch (kind.type) {
    case "text":
      return text.trim() === "" ? bad("a name") : text;
    case "switch":
      return text === "true" ? true : text === "false" ? false : bad("true or false");
    case "choice":
      return kind.choices.includes(text) ? text : bad(`one of ${kind.choices.join(", ")}`);
    case "integer": {
      if (field.key === "batchSize" && text === "full") return 0;
      const v = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(v) && v >= kind.min ? v : bad(`an integer >= ${kind.min}`);
    }
    case "number": {
      const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
      const low = kind.positive === true ? v > 0 : v >= (kind.min ?? -Infinity);
      const high = kind.max === undefined ? true : kind.belowMax === true ? v < kind.max : v <= kind.max;
      if (!Number.isFinite(v) || !low || !high) {
        const lower = kind.positive === true ? "> 0" : `>= ${kind.min ?? "-∞"}`;
        const upper = kind.max === undefined ? "" : kind.belowMax === true ? ` and < ${kind.max}` : ` and <= ${kind.max}`;
        return bad(`a number ${lower}${upper}`);
      }
      return v;
    }
    case "integers": {
      if (text === "") return [];
      const parts = text.split(",");
      return parts.every((p) => /^\d+$/.test(p) && Number(p) >= 1) ? parts.map(Number) : bad("positive integers separated by commas");
    }
    case "features": {
      const parts = text.split(",");
      return parts.length > 0 && parts.every((p) => FEATURES.some((f) => f.name === p))
        ? (parts as FeatureName[])
        : bad(`some of ${FEATURES.map((f) => f.name).join(", ")}, separated by commas`);
    }
  }
}

/** Checks the rules that tie entries together; returns the setting unchanged. */
export function checkSetting(setting: Setting): Setting {
  if (setting.features.length === 0) throw new RangeError("setting: features needs at least one input");
  if (new Set(setting.features).size !== setting.features.length) throw new RangeError(`setting: features lists an input twice: ${setting.features.join(",")}`);
  if (setting.schedule === "plateau" && setting.warmup > 0) throw new RangeError("setting: warmup cannot be combined with schedule plateau");
  if (setting.classes === 1) throw new RangeError("setting: classes must be 0 (the set's own) or at least 2, got 1");
  if (setting.classes > 0 && !hasClassCount(setting.data)) {
    throw new RangeError(`setting: classes applies to ${CLASS_COUNT_DATASETS.join(" and ")}; ${setting.data} has its own classes`);
  }
  if (setting.nesterov && setting.optimizer === "sgd" && setting.momentum === 0) throw new RangeError("setting: nesterov needs momentum > 0");
  if (isBuiltin(setting.data) && setting.problem !== defaultProblem(setting.data)) {
    throw new RangeError(
      isRegressionData(setting.data)
        ? `setting: ${setting.data} is a regression set (a real-valued target), so problem must be regression`
        : `setting: ${setting.data} has classes, not a real-valued target, so problem must be classification (regression sets: ${REGRESSION_DATASETS.join(", ")})`,
    );
  }
  return setting;
}

/** One short line for a header: `spirals · noise 0.1 · 4,2 tanh · adam lr 0.03 · batch 10 · L2 0.001`. */
export function describeSetting(setting: Setting): string {
  const parts = [
    isSynthetic(setting.data) ? `${setting.data} · ${setting.samples} samples · noise ${setting.noise}` : setting.data,
    ...(hasClassCount(setting.data) ? [`${classCount(setting)} classes`] : []),
    ...(setting.problem === "regression" ? ["regression"] : []),
    `features ${setting.features.join(" ")}`,
    `hidden ${setting.layers.length === 0 ? "none" : setting.layers.join(",")} ${setting.activation}`,
    `${setting.optimizer}${setting.optimizer === "sgd" && setting.momentum > 0 ? ` momentum ${setting.momentum}${setting.nesterov ? " Nesterov" : ""}` : ""} lr ${setting.lr}`,
    setting.batchSize === 0 ? "full batch" : `batch ${setting.batchSize}`,
  ];
  if (setting.l1 > 0) parts.push(`L1 ${setting.l1}`);
  if (setting.l2 > 0) parts.push(`L2 ${setting.l2}`);
  if (setting.dropout > 0) parts.push(`dropout ${setting.dropout}`);
  return parts.join(" · ");
}

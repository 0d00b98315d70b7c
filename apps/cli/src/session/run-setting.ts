import type { Setting } from "@nn/studio";
import type { TrainOptions } from "../args/train-options.js";

/** The studio setting of `nn train` options: the data source by name (a CSV by its path). */
export function settingFromOptions(options: TrainOptions): Setting {
  const data = options.data;
  return {
    data: data.kind === "csv" ? data.path : data.name,
    problem: options.problem,
    samples: data.kind === "builtin" ? data.samples : 0,
    noise: data.kind === "builtin" ? data.noise : 0,
    classes: data.kind === "builtin" ? data.classes ?? 0 : 0,
    testSplit: options.testSplit,
    features: options.features,
    layers: options.layers,
    activation: options.activation,
    init: options.init,
    optimizer: options.optimizer,
    lr: options.lr,
    batchSize: options.batchSize,
    momentum: options.momentum,
    nesterov: options.nesterov,
    beta1: options.beta1,
    beta2: options.beta2,
    weightDecay: options.weightDecay,
    schedule: options.schedule,
    gamma: options.gamma,
    stepSize: options.stepSize,
    warmup: options.warmup,
    l1: options.l1,
    l2: options.l2,
    dropout: options.dropout,
    clip: options.clip,
    epochs: options.epochs,
    seed: options.seed,
    standardize: options.standardize,
  };
}

/** `nn train` options with a changed setting applied (what a save records as the run's options). */
export function optionsWithSetting(options: TrainOptions, setting: Setting): TrainOptions {
  const data: TrainOptions["data"] =
    options.data.kind === "csv" && setting.data === options.data.path
      ? options.data
      : setting.data.toLowerCase().endsWith(".csv")
        ? { kind: "csv", path: setting.data }
        : { kind: "builtin", name: setting.data as Extract<TrainOptions["data"], { kind: "builtin" }>["name"], samples: setting.samples, noise: setting.noise, ...(setting.classes > 0 ? { classes: setting.classes } : {}) };
  const { data: _data, samples: _samples, noise: _noise, classes: _classes, ...rest } = setting;
  return { ...options, ...rest, data };
}

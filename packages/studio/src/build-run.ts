import { StandardScaler, trainTestSplit, type Dataset } from "@nn/datasets";
import {
  BinaryCrossEntropyLoss, Dense, Dropout, ELU, GELU, L1Penalty, L2Penalty, LeakyReLU, MSELoss, PenalisedLoss, ReLU, Sequential, Sigmoid, SiLU,
  SoftmaxCrossEntropyLoss, Softplus, Tanh, type Layer,
} from "@nn/layers";
import {
  Adagrad, Adam, AdamW, CosineAnnealingLR, ExponentialLR, LinearWarmup, ReduceLROnPlateau, RMSprop, SGD, StepLR,
  type EpochScheduler,
} from "@nn/optim";
import { createRng, type Rng } from "@nn/tensor";
import type { TrainLoss, TrainOptimizer, TrainScheduler } from "@nn/train";
import { expandFeatures, featureLabel, isIdentityFeatures } from "./features.js";
import type { ActivationName, Setting } from "./setting.js";

/** Everything a run trains with, built from a setting and its data: inputs (scaled), model, loss, optimizer. */
export interface BuiltRun {
  /** The data as given (raw coordinates): maps draw these points. */
  readonly raw: Dataset;
  readonly train: Dataset;
  readonly validation: Dataset | undefined;
  /** Applied after the input features are computed. */
  readonly scaler: StandardScaler | undefined;
  readonly model: Sequential;
  readonly loss: TrainLoss;
  /** One sigmoid output trained with BCE. */
  readonly binary: boolean;
  /** One linear output trained with MSE on real-valued targets (the setting's problem is regression). */
  readonly regression: boolean;
  readonly optimizer: TrainOptimizer;
  readonly scheduler: TrainScheduler | undefined;
  /** Network inputs (after the features are computed). */
  readonly inputFeatures: number;
  readonly inputNames: readonly string[];
  readonly outputUnits: number;
}

const ACTIVATION_LABEL: Record<ActivationName, string> = {
  relu: "ReLU", "leaky-relu": "LeakyReLU", tanh: "Tanh", sigmoid: "Sigmoid", gelu: "GELU", elu: "ELU", silu: "SiLU", softplus: "Softplus",
};

export function activationLabel(name: ActivationName): string {
  return ACTIVATION_LABEL[name];
}

/** The raw inputs as the network sees them before scaling: the setting's features of a 2-D set. */
export function networkInputs(setting: Setting, x: Dataset["x"]): Dataset["x"] {
  return isIdentityFeatures(setting.features) ? x : expandFeatures(x, setting.features);
}

/** Builds a run. `seed` drives the split, the initial weights, dropout and (through the trainer) shuffling. */
export function buildRun(setting: Setting, raw: Dataset, seed: number): BuiltRun {
  const features = raw.x.shape[1];
  if (!isIdentityFeatures(setting.features) && features !== 2) {
    throw new RangeError(`input features (${setting.features.join(",")}) need a 2-D data set; ${setting.data} has ${features} features`);
  }
  const regression = setting.problem === "regression";
  if (regression && raw.numClasses > 0) {
    throw new RangeError(`problem regression needs real-valued targets; ${setting.data} has ${raw.numClasses} classes`);
  }
  if (!regression && raw.numClasses === 0) {
    throw new RangeError(`${setting.data} has real-valued targets, not classes: its problem is regression`);
  }
  const inputs: Dataset = { ...raw, x: networkInputs(setting, raw.x) };
  // Real-valued targets have no classes to stratify by.
  const split = setting.testSplit > 0 ? trainTestSplit(inputs, { testSize: setting.testSplit, stratify: !regression, seed }) : undefined;
  const trainRaw = split?.train ?? inputs;
  const testRaw = split?.test;
  const scaler = setting.standardize ? new StandardScaler().fit(trainRaw.x) : undefined;
  const scale = (ds: Dataset): Dataset => (scaler === undefined ? ds : { ...ds, x: scaler.transform(ds.x) });
  const inputFeatures = inputs.x.shape[1];
  const binary = !regression && raw.numClasses <= 2;
  const outputUnits = binary || regression ? 1 : raw.numClasses;
  const model = buildModel(setting, inputFeatures, outputUnits, binary, createRng(seed));
  const dataLoss: TrainLoss = regression ? new MSELoss() : binary ? new BinaryCrossEntropyLoss() : new SoftmaxCrossEntropyLoss();
  const params = model.parameters();
  const penalties = [
    ...(setting.l1 > 0 ? [new L1Penalty(params, { lambda: setting.l1 })] : []),
    ...(setting.l2 > 0 ? [new L2Penalty(params, { lambda: setting.l2 })] : []),
  ];
  // Reported losses are the full objective the optimizer minimises: the data loss plus the penalties.
  const loss = penalties.length === 0 ? dataLoss : new PenalisedLoss(dataLoss, penalties);
  const { optimizer, scheduler } = buildOptimizer(setting, model);
  const inputNames = isIdentityFeatures(setting.features) && raw.featureNames !== undefined
    ? raw.featureNames
    : isIdentityFeatures(setting.features) && features !== 2 ? Array.from({ length: features }, (_, i) => `x${i}`) : setting.features.map(featureLabel);
  return {
    raw, train: scale(trainRaw), validation: testRaw === undefined ? undefined : scale(testRaw), scaler, model, loss, binary,
    regression, optimizer, scheduler, inputFeatures, inputNames, outputUnits,
  };
}

export function buildModel(setting: Pick<Setting, "layers" | "init" | "activation" | "dropout">, inputs: number, outputs: number, binary: boolean, rng: Rng): Sequential {
  const layers: Layer[] = [];
  let width = inputs;
  for (const hidden of setting.layers) {
    layers.push(new Dense(width, hidden, { init: setting.init, rng }));
    layers.push(activation(setting.activation));
    if (setting.dropout > 0) layers.push(new Dropout({ p: setting.dropout, rng }));
    width = hidden;
  }
  layers.push(new Dense(width, outputs, { init: setting.init, rng }));
  // Binary: a probability through a sigmoid with BCE. Several classes: logits into
  // SoftmaxCrossEntropyLoss, which applies the softmax itself. Regression: the linear output itself.
  if (binary) layers.push(new Sigmoid());
  return new Sequential(layers);
}

function activation(name: ActivationName): Layer {
  switch (name) {
    case "relu": return new ReLU();
    case "leaky-relu": return new LeakyReLU({ alpha: 0.01 });
    case "tanh": return new Tanh();
    case "sigmoid": return new Sigmoid();
    case "gelu": return new GELU();
    case "elu": return new ELU();
    case "silu": return new SiLU();
    case "softplus": return new Softplus();
  }
}

function buildOptimizer(setting: Setting, model: Sequential): { optimizer: TrainOptimizer; scheduler: TrainScheduler | undefined } {
  const params = model.parameters();
  const { lr, weightDecay } = setting;
  const betas: [number, number] = [setting.beta1, setting.beta2];
  const optimizer =
    setting.optimizer === "sgd" ? new SGD(params, { lr, momentum: setting.momentum, nesterov: setting.nesterov && setting.momentum > 0, weightDecay })
    : setting.optimizer === "adam" ? new Adam(params, { lr, betas, weightDecay })
    : setting.optimizer === "adamw" ? new AdamW(params, { lr, betas, weightDecay })
    : setting.optimizer === "rmsprop" ? new RMSprop(params, { lr, momentum: setting.momentum, weightDecay })
    : new Adagrad(params, { lr, weightDecay });
  let scheduler: EpochScheduler | ReduceLROnPlateau | undefined;
  switch (setting.schedule) {
    case "constant": scheduler = undefined; break;
    case "step": scheduler = new StepLR(optimizer, { stepSize: setting.stepSize, gamma: setting.gamma }); break;
    case "exponential": scheduler = new ExponentialLR(optimizer, { gamma: setting.gamma }); break;
    case "cosine": scheduler = new CosineAnnealingLR(optimizer, { tMax: setting.stepSize }); break;
    case "plateau": scheduler = new ReduceLROnPlateau(optimizer, { factor: setting.gamma, patience: 10 }); break;
  }
  if (setting.warmup > 0) {
    if (scheduler instanceof ReduceLROnPlateau) throw new RangeError("--warmup cannot be combined with --schedule plateau");
    scheduler = new LinearWarmup(optimizer, scheduler === undefined ? { steps: setting.warmup } : { steps: setting.warmup, after: scheduler });
  }
  return { optimizer, scheduler };
}


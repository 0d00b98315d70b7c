import { StandardScaler, trainTestSplit, type Dataset } from "@nn/datasets";
import {
  BinaryCrossEntropy, Dense, Dropout, ELU, GELU, L2Penalty, LeakyReLU, ReLU, Sequential, Sigmoid, SiLU,
  SoftmaxCrossEntropy, Softplus, Tanh, type Layer,
} from "@nn/layers";
import {
  Adagrad, Adam, AdamW, CosineAnnealingLR, ExponentialLR, LinearWarmup, ReduceLROnPlateau, RMSprop, SGD, StepLR,
  type EpochScheduler,
} from "@nn/optim";
import { createRng, type Rng } from "@nn/tensor";
import type { TrainLoss, TrainOptimizer, TrainScheduler } from "@nn/train";
import type { ActivationName, TrainOptions } from "../args/train-options.js";
import { loadData } from "./load-data.js";

/** Everything a run trains with, built from the options: data (scaled), model, loss, optimizer. */
export interface BuiltRun {
  readonly dataName: string;
  /** The whole data set as loaded (raw features): the decision map draws these points. */
  readonly raw: Dataset;
  readonly train: Dataset;
  readonly validation: Dataset | undefined;
  readonly scaler: StandardScaler | undefined;
  readonly model: Sequential;
  readonly loss: TrainLoss;
  readonly binary: boolean;
  readonly optimizer: TrainOptimizer;
  readonly scheduler: TrainScheduler | undefined;
  readonly inputFeatures: number;
  readonly outputUnits: number;
}

const ACTIVATION_LABEL: Record<ActivationName, string> = {
  relu: "ReLU", "leaky-relu": "LeakyReLU", tanh: "Tanh", sigmoid: "Sigmoid", gelu: "GELU", elu: "ELU", silu: "SiLU", softplus: "Softplus",
};

export function activationLabel(name: ActivationName): string {
  return ACTIVATION_LABEL[name];
}

/** Builds a run. `seed` drives the data, the split, the initial weights, dropout and shuffling. */
export function buildRun(options: TrainOptions, seed: number, loaded = loadData(options.data, seed)): BuiltRun {
  const raw = loaded.dataset;
  const split = options.testSplit > 0 ? trainTestSplit(raw, { testSize: options.testSplit, stratify: true, seed }) : undefined;
  const trainRaw = split?.train ?? raw;
  const testRaw = split?.test;
  const scaler = options.standardize ? new StandardScaler().fit(trainRaw.x) : undefined;
  const scale = (ds: Dataset): Dataset => (scaler === undefined ? ds : { ...ds, x: scaler.transform(ds.x) });
  const inputFeatures = raw.x.shape[1];
  const binary = raw.numClasses <= 2;
  const outputUnits = binary ? 1 : raw.numClasses;
  const rng = createRng(seed);
  const model = buildModel(options, inputFeatures, outputUnits, binary, rng);
  const dataLoss: TrainLoss = binary ? new BinaryCrossEntropy() : new SoftmaxCrossEntropy();
  const loss = options.l2 > 0 ? withPenalty(dataLoss, new L2Penalty(model.parameters(), { lambda: options.l2 })) : dataLoss;
  const { optimizer, scheduler } = buildOptimizer(options, model);
  return {
    dataName: loaded.name,
    raw,
    train: scale(trainRaw),
    validation: testRaw === undefined ? undefined : scale(testRaw),
    scaler,
    model,
    loss,
    binary,
    optimizer,
    scheduler,
    inputFeatures,
    outputUnits,
  };
}

export function buildModel(options: TrainOptions, inputs: number, outputs: number, binary: boolean, rng: Rng): Sequential {
  const layers: Layer[] = [];
  let width = inputs;
  for (const hidden of options.layers) {
    layers.push(new Dense(width, hidden, { init: options.init, rng }));
    layers.push(activation(options.activation));
    if (options.dropout > 0) layers.push(new Dropout(options.dropout, { rng }));
    width = hidden;
  }
  layers.push(new Dense(width, outputs, { init: options.init, rng }));
  // Binary: a probability through a sigmoid with BCE (the seed network). Several classes: logits
  // into SoftmaxCrossEntropy, which applies the softmax itself.
  if (binary) layers.push(new Sigmoid());
  return new Sequential(layers);
}

function activation(name: ActivationName): Layer {
  switch (name) {
    case "relu": return new ReLU();
    case "leaky-relu": return new LeakyReLU(0.01);
    case "tanh": return new Tanh();
    case "sigmoid": return new Sigmoid();
    case "gelu": return new GELU();
    case "elu": return new ELU();
    case "silu": return new SiLU();
    case "softplus": return new Softplus();
  }
}

function buildOptimizer(options: TrainOptions, model: Sequential): { optimizer: TrainOptimizer; scheduler: TrainScheduler | undefined } {
  const params = model.parameters();
  const { lr, weightDecay } = options;
  const betas: [number, number] = [options.beta1, options.beta2];
  const optimizer =
    options.optimizer === "sgd" ? new SGD(params, { lr, momentum: options.momentum, weightDecay })
    : options.optimizer === "adam" ? new Adam(params, { lr, betas, weightDecay })
    : options.optimizer === "adamw" ? new AdamW(params, { lr, betas, weightDecay })
    : options.optimizer === "rmsprop" ? new RMSprop(params, { lr, momentum: options.momentum, weightDecay })
    : new Adagrad(params, { lr, weightDecay });
  let scheduler: EpochScheduler | ReduceLROnPlateau | undefined;
  switch (options.schedule) {
    case "constant": scheduler = undefined; break;
    case "step": scheduler = new StepLR(optimizer, { stepSize: options.stepSize, gamma: options.gamma }); break;
    case "exponential": scheduler = new ExponentialLR(optimizer, { gamma: options.gamma }); break;
    case "cosine": scheduler = new CosineAnnealingLR(optimizer, { tMax: options.stepSize }); break;
    case "plateau": scheduler = new ReduceLROnPlateau(optimizer, { factor: options.gamma, patience: 10 }); break;
  }
  if (options.warmup > 0) {
    if (scheduler instanceof ReduceLROnPlateau) {
      throw new RangeError("--warmup cannot be combined with --schedule plateau");
    }
    scheduler = new LinearWarmup(optimizer, scheduler === undefined ? { steps: options.warmup } : { steps: options.warmup, after: scheduler });
  }
  return { optimizer, scheduler };
}

/** The data loss plus an L2 term: reported losses are the full objective the optimizer minimises. */
function withPenalty(loss: TrainLoss, penalty: L2Penalty): TrainLoss {
  return {
    forward: (pred, target) => loss.forward(pred, target) + penalty.value(),
    backward: () => {
      penalty.backward();
      return loss.backward();
    },
  };
}

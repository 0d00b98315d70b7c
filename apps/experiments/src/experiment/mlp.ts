/**
 * The multilayer perceptrons the studies compare, built from @nn/layers. The seed network is
 * 2→64→32→1 with ReLU hidden layers, a sigmoid output and He-normal weights.
 */
import { Dense, Dropout, GELU, type InitScheme, type Layer, ReLU, Sequential, Sigmoid, Tanh } from "@nn/layers";
import { type Rng, createRng } from "@nn/tensor";

export type ActivationName = "relu" | "sigmoid" | "tanh" | "gelu";

export function activationLayer(name: ActivationName): Layer {
  switch (name) {
    case "relu": return new ReLU();
    case "sigmoid": return new Sigmoid();
    case "tanh": return new Tanh();
    case "gelu": return new GELU();
  }
}

export interface MlpSpec {
  inputs: number;
  hidden: readonly number[];
  /** 1 → a sigmoid probability (binary cross-entropy); k > 1 → k logits (softmax cross-entropy). */
  outputs: number;
  activation?: ActivationName;
  init?: InitScheme;
  /** Dropout probability after each hidden activation (0 or omitted: none). */
  dropout?: number;
  seed: number;
}

export const SEED_HIDDEN: readonly number[] = [64, 32];

export function buildMlp(spec: MlpSpec): Sequential {
  const rng = createRng(spec.seed);
  const dropoutRng = createRng(spec.seed + 7919);
  const activation = spec.activation ?? "relu";
  const layers: Layer[] = [];
  let width = spec.inputs;
  for (const h of spec.hidden) {
    layers.push(new Dense(width, h, { init: spec.init ?? "he-normal", rng }));
    layers.push(activationLayer(activation));
    if (spec.dropout !== undefined && spec.dropout > 0) layers.push(new Dropout(spec.dropout, { rng: dropoutRng }));
    width = h;
  }
  layers.push(new Dense(width, spec.outputs, { init: spec.init ?? "he-normal", rng }));
  if (spec.outputs === 1) layers.push(new Sigmoid());
  return new Sequential(layers);
}

/** Overwrites every Dense weight with N(0, std²) draws: the naive and too-small inits that no scheme names. */
export function setNormalWeights(model: Sequential, std: number, rng: Rng): void {
  for (const layer of model.layers) {
    if (layer instanceof Dense) {
      const w = layer.weight.value.data;
      for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
    }
  }
}

/**
 * scikit-learn's MLPClassifier initialisation (1.2, `_init_coef` with a ReLU network): every
 * weight and every bias uniform(±√(6/(fanIn + fanOut))), drawn layer by layer, weights then bias.
 * Used to separate the effect of the initial weights from that of the training loop when
 * comparing with it.
 */
export function setSklearnInit(model: Sequential, rng: Rng): void {
  setGlorotUniform(model, rng, { weights: true, biases: true });
}

/**
 * Glorot-uniform draws, uniform(±√(6/(fanIn + fanOut))), for the weights, the biases or both (the
 * parts not chosen are left as they are): the two halves of scikit-learn's initialisation, for
 * separating the weight scale from the bias in the spirals follow-up.
 */
export function setGlorotUniform(model: Sequential, rng: Rng, parts: { weights: boolean; biases: boolean }): void {
  for (const layer of model.layers) {
    if (!(layer instanceof Dense)) continue;
    const bound = Math.sqrt(6 / (layer.inFeatures + layer.outFeatures));
    const targets = [parts.weights ? layer.weight : null, parts.biases ? layer.bias : null];
    for (const p of targets) {
      if (p === null) continue;
      const d = p.value.data;
      for (let i = 0; i < d.length; i++) d[i] = (2 * rng.next() - 1) * bound;
    }
  }
}

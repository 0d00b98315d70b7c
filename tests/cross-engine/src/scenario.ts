// The cross-engine scenario: everything whose bits a seed must fix, hashed item by item. It runs
// unchanged in Node and in a browser page (bundled by scripts/bundle-scenario.mjs), so it imports
// nothing from Node.
import {
  type DType, type Tensor, abs, add, clip, createRng, div, exp, log, logSoftmax, logSumExp, matmul,
  elementary, max, mean, min, mul, randn, setBackend, softmax, sqrt, sub, sum, transpose, wasmKernels,
} from "@nn/tensor";
import {
  type Layer, type Loss, BatchNorm1d, BCEWithLogitsLoss, BinaryCrossEntropyLoss, Dense, Dropout, ELU, GELU,
  HuberLoss, L1Loss, LayerNorm, LeakyReLU, MSELoss, ReLU, Residual, Sequential, SiLU, Sigmoid, Softmax,
  SoftmaxCrossEntropyLoss, Softplus, Tanh,
} from "@nn/layers";
import { Adagrad, Adam, AdamW, CosineAnnealingLR, type Optimizer, RMSprop, SGD } from "@nn/optim";
import {
  loadBreastCancer, loadDigits, loadIris, makeBlobs, makeCheckerboard, makeCircles, makeMoons, makeMultiGaussian, makePlane, makeSpirals,
  makeXor,
} from "@nn/datasets";
import { fit } from "@nn/train";
import { float64Bytes, fnv1a64 } from "./fnv1a64.js";
import { EXP_HARD_CASES, LOG_HARD_CASES, TANH_HARD_CASES } from "./hard-cases.js";

/** Item name → FNV-1a 64 hash (hex) of the item's raw result bytes. */
export type ScenarioHashes = Record<string, string>;

export const DTYPES: readonly DType[] = ["float32", "float64"];

function tensorBytes(t: Tensor): Uint8Array {
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

function hashAll(parts: readonly (Tensor | number[])[]): string {
  const chunks = parts.map((p) => (Array.isArray(p) ? float64Bytes(p) : tensorBytes(p)));
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return fnv1a64(bytes);
}

function rngItems(out: ScenarioHashes): void {
  const rng = createRng(42);
  const draws: number[] = [];
  for (let i = 0; i < 20000; i++) draws.push(rng.next(), rng.normal(), rng.int(1000), rng.nextUint32());
  out["rng/createRng(42) next,normal,int,nextUint32/float64"] = hashAll([draws]);
}

/**
 * @nn/tensor's own elementary functions over wide ranges (including overflow, underflow and
 * subnormal results): the functions the guarantee rests on. Inputs come from a uniform grid and
 * from integer bit patterns, so they depend on no engine's Math.
 */
function elementaryItems(out: ScenarioHashes): void {
  const count = 20000;
  const grid = (low: number, high: number): number[] => Array.from({ length: count }, (_, i) => low + ((high - low) * i) / (count - 1));
  const unary: Record<string, [(x: number) => number, number[]]> = {
    exp: [elementary.exp, grid(-760, 720)], expm1: [elementary.expm1, grid(-40, 710)],
    log: [elementary.log, grid(1e-300, 1e6).concat(grid(0.5, 2))], log1p: [elementary.log1p, grid(-0.999, 1e3)],
    log10: [elementary.log10, grid(1e-300, 1e6).concat(grid(0.5, 2))],
    tanh: [elementary.tanh, grid(-25, 25)], sin: [elementary.sin, grid(-1e6, 1e6)], cos: [elementary.cos, grid(-100, 100)],
  };
  for (const [name, [f, xs]] of Object.entries(unary)) out[`elementary/${name}/float64`] = hashAll([xs.map((x) => f(x))]);
  const bases = grid(0.01, 30);
  out["elementary/pow/float64"] = hashAll([bases.map((b, i) => elementary.pow(b, ((i % 401) - 200) / 7))]);
  // the exact (BigInt) path behind the correctly rounded functions
  out["elementary/exp hard cases/float64"] = hashAll([EXP_HARD_CASES.map((x) => elementary.exp(x))]);
  out["elementary/log hard cases/float64"] = hashAll([LOG_HARD_CASES.map((x) => elementary.log(x))]);
  out["elementary/tanh hard cases/float64"] = hashAll([TANH_HARD_CASES.map((x) => elementary.tanh(x))]);
}

function tensorOpItems(out: ScenarioHashes, dtype: DType): void {
  const rng = createRng(7);
  const a = randn([64, 256], rng, { dtype, std: 3 });
  const b = randn([64, 256], rng, { dtype });
  const c = randn([256, 32], rng, { dtype });
  const positive = add(abs(a), 0.5);
  const ops: Record<string, () => Tensor> = {
    randn: () => a, add: () => add(a, b), sub: () => sub(a, b), mul: () => mul(a, b), div: () => div(a, positive),
    exp: () => exp(a), log: () => log(positive), sqrt: () => sqrt(positive), abs: () => abs(a), clip: () => clip(a, -0.5, 0.5),
    sum: () => sum(a, 1), mean: () => mean(a, 0), max: () => max(a, 1), min: () => min(a, 0), logSumExp: () => logSumExp(a, 1),
    softmax: () => softmax(a), logSoftmax: () => logSoftmax(a), transpose: () => transpose(a), matmul: () => matmul(a, c),
  };
  for (const [name, op] of Object.entries(ops)) out[`tensor/${name}/${dtype}`] = hashAll([op()]);
}

function layerCases(dtype: DType): Record<string, () => Layer> {
  const rng = createRng(11);
  return {
    Dense: () => new Dense(32, 24, { rng, dtype }),
    ReLU: () => new ReLU(), LeakyReLU: () => new LeakyReLU({ alpha: 0.1 }), Sigmoid: () => new Sigmoid(), Tanh: () => new Tanh(),
    GELU: () => new GELU(), "GELU(tanh)": () => new GELU({ approximate: "tanh" }), ELU: () => new ELU(), SiLU: () => new SiLU(),
    Softplus: () => new Softplus(), Softmax: () => new Softmax(),
    Dropout: () => new Dropout({ p: 0.3, rng }),
    BatchNorm1d: () => new BatchNorm1d(32, { dtype }), LayerNorm: () => new LayerNorm(32, { dtype }),
    Residual: () => new Residual(new Sequential([new Dense(32, 32, { rng, dtype }), new Tanh()])),
  };
}

function layerItems(out: ScenarioHashes, dtype: DType): void {
  for (const [name, make] of Object.entries(layerCases(dtype))) {
    const rng = createRng(13);
    const layer = make();
    const x = randn([256, 32], rng, { dtype, std: 3 });
    const y = layer.forward(x, "train");
    const dx = layer.backward(randn(y.shape, rng, { dtype }));
    out[`layer/${name}/${dtype}`] = hashAll([y, dx, ...layer.parameters().map((p) => p.grad)]);
  }
}

function lossItems(out: ScenarioHashes, dtype: DType): void {
  const rng = createRng(17);
  const logits = randn([512, 8], rng, { dtype, std: 3 });
  const unit = (t: Tensor): Tensor => clip(add(mul(t, 0.2), 0.5), 0.01, 0.99);
  const probs = unit(randn([512, 8], rng, { dtype }));
  const bits = clip(add(randn([512, 8], rng, { dtype }), 0.5), 0, 1);
  const cases: Array<[string, Loss, Tensor, Tensor]> = [
    ["MSELoss", new MSELoss(), logits, bits],
    ["L1Loss", new L1Loss(), logits, bits],
    ["HuberLoss", new HuberLoss({ delta: 0.7 }), logits, bits],
    ["BinaryCrossEntropyLoss", new BinaryCrossEntropyLoss(), probs, bits],
    ["BCEWithLogitsLoss", new BCEWithLogitsLoss(), logits, bits],
  ];
  for (const [name, loss, pred, target] of cases) {
    const value = loss.forward(pred, target);
    out[`loss/${name}/${dtype}`] = hashAll([[value], loss.backward()]);
  }
  const ce = new SoftmaxCrossEntropyLoss();
  const soft = softmax(mul(randn([512, 8], rng, { dtype }), 3));
  const value = ce.forward(logits, soft);
  out[`loss/SoftmaxCrossEntropyLoss/${dtype}`] = hashAll([[value], ce.backward()]);
}

function optimizerItems(out: ScenarioHashes, dtype: DType): void {
  const cases: Record<string, (model: Sequential) => Optimizer> = {
    SGD: (m) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-3 }),
    Adagrad: (m) => new Adagrad(m.parameters(), { lr: 0.05 }),
    RMSprop: (m) => new RMSprop(m.parameters(), { lr: 0.01, momentum: 0.5 }),
    Adam: (m) => new Adam(m.parameters(), { lr: 0.01 }),
    AdamW: (m) => new AdamW(m.parameters(), { lr: 0.01, weightDecay: 0.1 }),
  };
  for (const [name, make] of Object.entries(cases)) {
    const rng = createRng(19);
    const model = new Sequential([new Dense(3, 4, { rng, dtype }), new Tanh(), new Dense(4, 1, { rng, dtype })]);
    const optimizer = make(model);
    const scheduler = new CosineAnnealingLR(optimizer, { tMax: 7 });
    const x = randn([10, 3], rng, { dtype });
    const target = randn([10, 1], rng, { dtype });
    const loss = new MSELoss();
    const lrs: number[] = [];
    for (let step = 0; step < 12; step++) {
      optimizer.zeroGrad();
      loss.forward(model.forward(x), target);
      model.backward(loss.backward());
      optimizer.step();
      scheduler.step();
      lrs.push(optimizer.lr);
    }
    out[`optimizer/${name}+CosineAnnealingLR/${dtype}`] = hashAll([lrs, ...model.parameters().map((p) => p.value)]);
  }
}

function datasetItems(out: ScenarioHashes, dtype: DType): void {
  const options = { n: 2000, noise: 0.1, seed: 3, dtype };
  const generators = {
    makeMoons: () => makeMoons(options), makeCircles: () => makeCircles({ ...options, factor: 0.5 }),
    makeSpirals: () => makeSpirals(options), makeXor: () => makeXor(options),
    makeBlobs: () => makeBlobs({ ...options, centers: 3 }), makeCheckerboard: () => makeCheckerboard(options),
    makePlane: () => makePlane(options), makeMultiGaussian: () => makeMultiGaussian(options),
  };
  // the shipped sets too: the datasets tests prove Node decodes them to exactly scikit-learn's
  // values, so equal hashes carry that to every engine (breast cancer's decoding calls pow)
  const shipped = { loadIris: () => loadIris({ dtype }), loadBreastCancer: () => loadBreastCancer({ dtype }), loadDigits: () => loadDigits({ dtype }) };
  for (const [name, make] of Object.entries({ ...generators, ...shipped })) {
    const data = make();
    out[`datasets/${name}/${dtype}`] = hashAll([data.x, data.y]);
  }
}

/** The seed network, shortened: moons, 2→32→16→1 with ReLU/Tanh/GELU/Sigmoid, Adam. */
function trainingItem(out: ScenarioHashes, dtype: DType, backend: "js" | "wasm"): void {
  const rng = createRng(5);
  const data = makeMoons({ n: 256, noise: 0.2, seed: 5, dtype });
  const model = new Sequential([
    new Dense(2, 32, { rng, dtype }), new ReLU(), new Dense(32, 16, { rng, dtype }), new Tanh(),
    new Dense(16, 8, { rng, dtype }), new GELU(), new Dense(8, 1, { rng, dtype }), new Sigmoid(),
  ]);
  const optimizer = new Adam(model.parameters(), { lr: 0.01 });
  const loss = new BinaryCrossEntropyLoss();
  const losses: number[] = [];
  for (let step = 0; step < 60; step++) {
    optimizer.zeroGrad();
    losses.push(loss.forward(model.forward(data.x), data.y));
    model.backward(loss.backward());
    optimizer.step();
  }
  out[`train/moons-adam/${dtype}/${backend}`] = hashAll([losses, ...model.parameters().map((p) => p.value)]);
}

/** The trainer end to end: shuffled mini-batches, a per-batch cosine schedule, clipping, softmax classes. */
function fitItem(out: ScenarioHashes, dtype: DType, backend: "js" | "wasm"): void {
  const rng = createRng(9);
  const data = makeSpirals({ n: 300, noise: 0.1, seed: 9, dtype });
  const model = new Sequential([
    new Dense(2, 64, { rng, dtype }), new ReLU(), new Dense(64, 32, { rng, dtype }), new Tanh(),
    new Dense(32, 16, { rng, dtype }), new GELU(), new Dense(16, data.numClasses, { rng, dtype }),
  ]);
  const optimizer = new Adam(model.parameters(), { lr: 0.01 });
  const history = fit(model, {
    loss: new SoftmaxCrossEntropyLoss(), optimizer, train: data, epochs: 3, batchSize: 32, seed: 9,
    scheduler: new CosineAnnealingLR(optimizer, { tMax: 20 }), schedulerStep: "batch", clipGradNorm: 5,
  });
  const record = history.epochs.flatMap((e) => [e.lr, e.gradNorm]);
  out[`train/spirals-fit-minibatch/${dtype}/${backend}`] = hashAll([record, ...model.parameters().map((p) => p.value)]);
}

/** Every item, on every backend this engine has (the wasm items are absent without WebAssembly SIMD). */
export function runScenario(): ScenarioHashes {
  const out: ScenarioHashes = {};
  rngItems(out);
  elementaryItems(out);
  const backends: Array<"js" | "wasm"> = wasmKernels === null ? ["js"] : ["js", "wasm"];
  try {
    for (const backend of backends) {
      setBackend(backend);
      const perBackend: ScenarioHashes = {};
      for (const dtype of DTYPES) {
        tensorOpItems(perBackend, dtype);
        layerItems(perBackend, dtype);
        lossItems(perBackend, dtype);
        optimizerItems(perBackend, dtype);
        datasetItems(perBackend, dtype);
        trainingItem(out, dtype, backend);
        fitItem(out, dtype, backend);
      }
      for (const [name, hash] of Object.entries(perBackend)) out[`${name}/${backend}`] = hash;
    }
  } finally {
    setBackend(backends[backends.length - 1]);
  }
  return out;
}

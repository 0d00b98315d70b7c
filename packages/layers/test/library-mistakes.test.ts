// Mistakes the library used to accept in silence (issue 19 item 12): a misspelled option key was
// ignored, a BCE target of 2 trained towards nothing, and a loss's backward before forward threw
// a plain Error.
import { UnknownOptionError, createRng, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import {
  BCEWithLogitsLoss, BatchNorm1d, BinaryCrossEntropyLoss, Dense, Dropout, ELU, GELU, HuberLoss, L1Loss, L2Penalty, LayerInputError, LayerNorm,
  LeakyReLU, MSELoss, ReLU, Sequential, Softmax, SoftmaxCrossEntropyLoss, Softplus, loadSafetensors, toPyTorchSource, toSafetensors,
} from "../src/index.js";

describe("unknown-option-keys-refused: each constructor names the key and the closest known one", () => {
  it.each([
    ["Dense", () => new Dense(2, 3, { bais: false } as never), 'Dense: unknown option "bais" (did you mean "bias"?)'],
    ["Dense init scheme as key", () => new Dense(2, 3, { initializer: "zeros" } as never), 'Dense: unknown option "initializer" (did you mean "init"?)'],
    ["Dropout", () => new Dropout({ p: 0.5, seed: 1 } as never), 'Dropout: unknown option "seed" (known options: p, rng, dtype)'],
    ["Dropout, deprecated positional p", () => new Dropout(0.5, { seed: 1 } as never), 'Dropout: unknown option "seed" (known options: p, rng, dtype)'],
    ["ReLU", () => new ReLU({ dtyp: "float64" } as never), 'ReLU: unknown option "dtyp" (did you mean "dtype"?)'],
    ["LeakyReLU", () => new LeakyReLU({ slope: 0.2 } as never), 'LeakyReLU: unknown option "slope" (known options: alpha, dtype)'],
    ["ELU", () => new ELU({ alfa: 1 } as never), 'ELU: unknown option "alfa" (did you mean "alpha"?)'],
    ["GELU", () => new GELU({ approx: "tanh" } as never), 'GELU: unknown option "approx" (did you mean "approximate"?)'],
    ["Softplus", () => new Softplus({ treshold: 10 } as never), 'Softplus: unknown option "treshold" (did you mean "threshold"?)'],
    ["Softmax", () => new Softmax({ axis: 0 } as never), 'Softmax: unknown option "axis" (known options: dtype)'],
    ["BatchNorm1d", () => new BatchNorm1d(3, { momentun: 0.1 } as never), 'BatchNorm1d: unknown option "momentun" (did you mean "momentum"?)'],
    ["LayerNorm", () => new LayerNorm(3, { epsilon: 1e-5 } as never), 'LayerNorm: unknown option "epsilon" (did you mean "eps"?)'],
    ["HuberLoss", () => new HuberLoss({ delt: 2 } as never), 'HuberLoss: unknown option "delt" (did you mean "delta"?)'],
    ["SoftmaxCrossEntropyLoss", () => new SoftmaxCrossEntropyLoss({ label_smoothing: 0.1 } as never), 'SoftmaxCrossEntropyLoss: unknown option "label_smoothing" (did you mean "labelSmoothing"?)'],
    ["L2Penalty", () => new L2Penalty([], { lamda: 0.1 } as never), 'L2Penalty: unknown option "lamda" (did you mean "lambda"?)'],
    ["toSafetensors", () => toSafetensors(new Sequential([new Dense(2, 1)]), { naming: "pytorch", standardise: {} } as never), 'toSafetensors: unknown option "standardise" (did you mean "standardize"?)'],
    ["loadSafetensors", () => loadSafetensors(new Sequential([new Dense(2, 1)]), new Uint8Array(0), { namng: "nn" } as never), 'loadSafetensors: unknown option "namng" (did you mean "naming"?)'],
    ["toPyTorchSource", () => toPyTorchSource(new Sequential([new Dense(2, 1)]), { tilte: "m" } as never), 'toPyTorchSource: unknown option "tilte" (did you mean "title"?)'],
  ])("%s", (_name, make, message) => {
    expect(make).toThrow(message);
    expect(make).toThrow(UnknownOptionError);
  });

  it("correct keys still build the layer they describe", () => {
    const dense = new Dense(2, 3, { bias: false, init: "zeros", rng: createRng(1), dtype: "float64" });
    expect(dense.parameters().map((p) => p.name)).toEqual(["weight"]);
    expect(new GELU({ approximate: "tanh", dtype: "float64" }).approximate).toBe("tanh");
  });
});

describe("bce-target-of-2-refused: binary cross-entropies take targets in [0, 1]", () => {
  it.each([
    ["BinaryCrossEntropyLoss", new BinaryCrossEntropyLoss(), tensor([0.5, 0.5])],
    ["BCEWithLogitsLoss", new BCEWithLogitsLoss(), tensor([0.3, -0.2])],
  ] as const)("%s", (name, loss, pred) => {
    expect(() => loss.forward(pred, tensor([0, 2]))).toThrow(
      `${name}: targets must be in [0, 1] (labels 0/1 or probabilities), got 2 at index 1 (for more than two classes use SoftmaxCrossEntropyLoss)`,
    );
    expect(() => loss.forward(pred, tensor([-1, 0]))).toThrow("got -1 at index 0");
    expect(() => loss.forward(pred, tensor([NaN, 0]))).toThrow("got NaN at index 0");
    // Soft labels stay allowed, with the value −[t·log p + (1 − t)·log(1 − p)] worked by hand at
    // p = σ(0) = 0.5 and BCE's p = 0.5: log 2 = 0.6931… whatever t is.
    expect(new BinaryCrossEntropyLoss().forward(tensor([0.5]), tensor([0.25]))).toBeCloseTo(Math.LN2, 6);
    expect(new BCEWithLogitsLoss().forward(tensor([0]), tensor([0.75]))).toBeCloseTo(Math.LN2, 6);
  });
});

describe("loss-backward-before-forward-is-typed: LayerInputError, as layers throw", () => {
  it.each([
    ["MSELoss", new MSELoss()],
    ["L1Loss", new L1Loss()],
    ["BinaryCrossEntropyLoss", new BinaryCrossEntropyLoss()],
    ["SoftmaxCrossEntropyLoss", new SoftmaxCrossEntropyLoss()],
  ] as const)("%s", (name, loss) => {
    expect(() => loss.backward()).toThrow(new LayerInputError(name, "backward called before forward"));
    expect(() => loss.backward()).toThrow(LayerInputError);
  });
});

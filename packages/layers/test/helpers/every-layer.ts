import { type DType, createRng } from "@nn/tensor";
import {
  BatchNorm1d, Dense, Dropout, ELU, GELU, type Layer, LayerNorm, LeakyReLU, ReLU, Residual, Sequential, SiLU, Sigmoid, Softmax, Softplus, Tanh,
} from "../../src/index.js";

/**
 * One instance of every layer type, taking input [n, 4], with non-default options and (for layers
 * with state) non-default values, so a round trip that dropped anything would show.
 */
export function everyLayer(dtype: DType): [string, Layer][] {
  const rng = createRng(21);
  const bn = new BatchNorm1d(4, { eps: 1e-3, momentum: 0.2, dtype });
  bn.weight.value.data.set([1.5, -0.25, 2, 0.75]);
  bn.bias.value.data.set([0.1, 0.2, 0.3, -0.4]);
  bn.runningMean.value.data.set([0.3, -0.1, 1 / 3, 2]);
  bn.runningVar.value.data.set([1.7, 0.2, 1 / 7, 3]);
  bn.numBatchesTracked.value.data[0] = 12;
  const ln = new LayerNorm(4, { eps: 1e-4, dtype });
  ln.weight.value.data.set([0.9, 1.1, -1, 1 / 3]);
  ln.bias.value.data.set([0.05, -0.05, 0, 1 / 9]);
  const dense = new Dense(4, 4, { init: "xavier-uniform", rng, dtype });
  dense.bias?.value.data.set([0.1, -0.2, 1 / 3, 0]);
  return [
    ["Dense", dense],
    ["Dense without bias", new Dense(4, 4, { bias: false, init: "lecun-normal", rng, dtype })],
    ["ReLU", new ReLU({ dtype })],
    ["LeakyReLU", new LeakyReLU({ alpha: 0.2, dtype })],
    ["Sigmoid", new Sigmoid({ dtype })],
    ["Tanh", new Tanh({ dtype })],
    ["GELU", new GELU({ dtype })],
    ["GELU tanh", new GELU({ approximate: "tanh", dtype })],
    ["ELU", new ELU({ alpha: 0.7, dtype })],
    ["SiLU", new SiLU({ dtype })],
    ["Softplus", new Softplus({ beta: 2, threshold: 10, dtype })],
    ["Softmax", new Softmax({ dtype })],
    ["Dropout", new Dropout({ p: 0.25, dtype })],
    ["BatchNorm1d", bn],
    ["LayerNorm", ln],
    ["Residual", new Residual(new Sequential([new Dense(4, 4, { rng, dtype }), new Tanh({ dtype })]))],
    ["Sequential", new Sequential([new Dense(4, 4, { rng, dtype }), new ReLU({ dtype })])],
  ];
}

import { BatchNorm1d, Dense, Dropout, ELU, GELU, LayerNorm, LeakyReLU, type Layer, ReLU, Residual, Sequential, SiLU, Sigmoid, Softmax, Softplus, Tanh } from "@nn/layers";
import { type DType, createRng, randn, type Tensor } from "@nn/tensor";

/** One model per exported layer type, with non-trivial weights and statistics. */
export function modelZoo(dtype: DType): Array<{ name: string; model: Sequential; inputs: number }> {
  const rng = createRng(11);
  const dense = (i: number, o: number, bias = true): Dense => {
    const d = new Dense(i, o, { dtype, rng, bias, init: "xavier-normal" });
    if (d.bias) d.bias.value.data.set(randn([o], rng, { std: 0.3, dtype }).data);
    return d;
  };
  const withStats = (bn: BatchNorm1d): BatchNorm1d => {
    const f = bn.features;
    bn.weight.value.data.set(randn([f], rng, { mean: 1, std: 0.2, dtype }).data);
    bn.bias.value.data.set(randn([f], rng, { std: 0.2, dtype }).data);
    bn.runningMean.value.data.set(randn([f], rng, { std: 0.5, dtype }).data);
    bn.runningVar.value.data.set(randn([f], rng, { std: 0.2, dtype }).data.map((v) => 0.5 + v * v));
    return bn;
  };
  const ln = new LayerNorm(5, { dtype });
  ln.weight.value.data.set(randn([5], rng, { mean: 1, std: 0.2, dtype }).data);
  ln.bias.value.data.set(randn([5], rng, { std: 0.2, dtype }).data);
  const act = (name: string, layer: Layer) => ({ name, model: new Sequential([dense(4, 5), layer, dense(5, 3)]), inputs: 4 });
  return [
    { name: "seed MLP 2→64→32→1", model: new Sequential([dense(2, 64), new ReLU({ dtype }), dense(64, 32), new ReLU({ dtype }), dense(32, 1), new Sigmoid({ dtype })]), inputs: 2 },
    { name: "Dense without bias", model: new Sequential([dense(4, 3, false)]), inputs: 4 },
    act("ReLU", new ReLU({ dtype })),
    act("LeakyReLU", new LeakyReLU({ alpha: 0.01, dtype })),
    act("Sigmoid", new Sigmoid({ dtype })),
    act("Tanh", new Tanh({ dtype })),
    act("GELU (exact)", new GELU({ dtype })),
    act("GELU (tanh)", new GELU({ approximate: "tanh", dtype })),
    act("ELU", new ELU({ dtype })),
    act("SiLU", new SiLU({ dtype })),
    act("Softplus", new Softplus({ dtype })),
    act("Dropout", new Dropout({ p: 0.5, dtype, rng: createRng(3) })),
    act("BatchNorm1d", withStats(new BatchNorm1d(5, { dtype }))),
    act("LayerNorm", ln),
    { name: "Softmax", model: new Sequential([dense(4, 3), new Softmax({ dtype })]), inputs: 4 },
    { name: "Residual", model: new Sequential([dense(4, 5), new Residual(new Sequential([dense(5, 5), new Tanh({ dtype }), dense(5, 5)])), new ReLU({ dtype }), dense(5, 2)]), inputs: 4 },
  ];
}

export function batch(n: number, features: number, dtype: DType, seed = 5): Tensor {
  return randn([n, features], createRng(seed), { dtype });
}

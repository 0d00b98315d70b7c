// How to build and check each layer exported by @nn/layers. Keyed by export name: the
// enumeration test fails for any exported layer missing here.
import * as nn from "@nn/layers";
import type { DType } from "@nn/tensor";
import { checkLayer } from "../../src/index.js";
import { DTYPES, type GradcheckCase, SEEDS, between, caseRng, exactly, normal, randomizeParameters, uniform } from "./random-cases.js";

type CaseFactory = () => GradcheckCase[];

/** One case per seed and dtype, with a layer and input drawn from that seed. */
function overSeeds(name: string, build: (rng: ReturnType<typeof caseRng>, dtype: DType, label: string) => GradcheckCase[]): CaseFactory {
  return () => SEEDS.flatMap((seed) => DTYPES.flatMap((dtype) => build(caseRng(seed, dtype), dtype, `${name} seed ${seed} ${dtype}`)));
}

/** An element-wise activation on a random [n, d] input (values spread over ±3 to reach both sides of kinks and saturations). */
function activation(name: string, make: (dtype: DType) => nn.Layer): CaseFactory {
  return overSeeds(name, (rng, dtype, label) => {
    const x = normal(rng, [between(rng, 1, 5), between(rng, 1, 6)], dtype, 1.5);
    return [{ label, run: () => checkLayer(make(dtype), x) }];
  });
}

/** Inputs exactly at x = 0, for layers with a kink there: reported as kinks, never failures. */
function atZero(name: string, make: (dtype: DType) => nn.Layer): CaseFactory {
  return () => DTYPES.map((dtype) => ({
    label: `${name} at its kink x = 0 ${dtype}`,
    run: () => checkLayer(make(dtype), exactly([[0, 1.25, -0.5], [0.75, 0, -2]], dtype)),
  }));
}

function both(...factories: CaseFactory[]): CaseFactory {
  return () => factories.flatMap((f) => f());
}

export const layerCases: Record<string, CaseFactory> = {
  Dense: overSeeds("Dense", (rng, dtype, label) => {
    const inF = between(rng, 1, 6), outF = between(rng, 1, 6), n = between(rng, 1, 5);
    const x = normal(rng, [n, inF], dtype);
    return [true, false].map((bias) => {
      const layer = randomizeParameters(new nn.Dense(inF, outF, { bias, rng, dtype }), rng);
      return { label: `${label} ${inF}→${outF} ${bias ? "with" : "without"} bias`, run: () => checkLayer(layer, x) };
    });
  }),
  ReLU: both(activation("ReLU", (dtype) => new nn.ReLU({ dtype })), atZero("ReLU", (dtype) => new nn.ReLU({ dtype }))),
  LeakyReLU: both(
    activation("LeakyReLU(0.01)", (dtype) => new nn.LeakyReLU(0.01, { dtype })),
    activation("LeakyReLU(0.3)", (dtype) => new nn.LeakyReLU(0.3, { dtype })),
    atZero("LeakyReLU(0.2)", (dtype) => new nn.LeakyReLU(0.2, { dtype })),
  ),
  Sigmoid: activation("Sigmoid", (dtype) => new nn.Sigmoid({ dtype })),
  Tanh: activation("Tanh", (dtype) => new nn.Tanh({ dtype })),
  GELU: both(
    activation("GELU exact", (dtype) => new nn.GELU({ dtype })),
    activation("GELU tanh", (dtype) => new nn.GELU({ approximate: "tanh", dtype })),
  ),
  ELU: both(
    activation("ELU", (dtype) => new nn.ELU({ dtype })),
    activation("ELU(alpha 0.5)", (dtype) => new nn.ELU({ alpha: 0.5, dtype })),
  ),
  SiLU: activation("SiLU", (dtype) => new nn.SiLU({ dtype })),
  Softplus: both(
    activation("Softplus", (dtype) => new nn.Softplus({ dtype })),
    activation("Softplus(beta 2)", (dtype) => new nn.Softplus({ beta: 2, dtype })),
  ),
  Softmax: activation("Softmax", (dtype) => new nn.Softmax({ dtype })),
  Dropout: overSeeds("Dropout", (rng, dtype, label) => {
    const x = normal(rng, [between(rng, 2, 6), between(rng, 2, 6)], dtype);
    const p = [0.1, 0.5, 0.8][rng.int(3)];
    return (["train", "eval"] as const).map((mode) => ({
      label: `${label} p ${p} ${mode}`,
      run: () => checkLayer(new nn.Dropout(p, { rng, dtype }), x, { mode }),
    }));
  }),
  BatchNorm1d: overSeeds("BatchNorm1d", (rng, dtype, label) => {
    const d = between(rng, 1, 5), n = between(rng, 2, 6);
    const x = normal(rng, [n, d], dtype, 2);
    return (["train", "eval"] as const).map((mode) => {
      const layer = randomizeParameters(new nn.BatchNorm1d(d, { dtype }), rng);
      // Eval mode normalises by the running statistics: make them something other than 0 and 1.
      for (const b of layer.buffers()) {
        if (b.name === "running_mean") b.value.data.set(normal(rng, [d], dtype).data);
        if (b.name === "running_var") b.value.data.set(uniform(rng, [d], dtype, 0.5, 2).data);
      }
      return { label: `${label} ${n}×${d} ${mode}`, run: () => checkLayer(layer, x, { mode }) };
    });
  }),
  LayerNorm: overSeeds("LayerNorm", (rng, dtype, label) => {
    const d = between(rng, 1, 6);
    const layer = randomizeParameters(new nn.LayerNorm(d, { dtype }), rng);
    const x = normal(rng, [between(rng, 1, 5), d], dtype, 2);
    return [{ label: `${label} d ${d}`, run: () => checkLayer(layer, x) }];
  }),
  Residual: overSeeds("Residual", (rng, dtype, label) => {
    const d = between(rng, 2, 5), hidden = between(rng, 2, 6);
    const x = normal(rng, [between(rng, 2, 5), d], dtype);
    const dense = randomizeParameters(new nn.Residual(new nn.Dense(d, d, { rng, dtype })), rng);
    const mlp = randomizeParameters(new nn.Residual(new nn.Sequential([
      new nn.LayerNorm(d, { dtype }), new nn.Dense(d, hidden, { rng, dtype }), new nn.GELU({ dtype }), new nn.Dense(hidden, d, { rng, dtype }),
    ])), rng);
    return [
      { label: `${label} Residual(Dense(${d}→${d}))`, run: () => checkLayer(dense, x) },
      { label: `${label} Residual(LayerNorm → Dense → GELU → Dense)`, run: () => checkLayer(mlp, x) },
    ];
  }),
  Sequential: overSeeds("Sequential", (rng, dtype, label) => {
    const d = between(rng, 1, 4), hidden = between(rng, 2, 6), out = between(rng, 1, 3);
    const x = normal(rng, [between(rng, 2, 5), d], dtype);
    const model = randomizeParameters(new nn.Sequential([
      new nn.Dense(d, hidden, { rng, dtype }), new nn.BatchNorm1d(hidden, { dtype }), new nn.Tanh({ dtype }),
      new nn.Dropout(0.3, { rng, dtype }), new nn.Dense(hidden, out, { rng, dtype }), new nn.Sigmoid({ dtype }),
    ]), rng);
    return [{ label: `${label} Dense → BatchNorm1d → Tanh → Dropout → Dense → Sigmoid`, run: () => checkLayer(model, x, { mode: "train" }) }];
  }),
};

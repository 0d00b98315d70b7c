import { nnProduct, tfjsProduct, type TimedProduct } from "../impl/matmul-impls.js";
import { nnAutogradTrainer } from "../impl/nn-autograd-mlp.js";
import { nnTrainer } from "../impl/nn-mlp.js";
import { tfjsTrainer } from "../impl/tfjs-mlp.js";
import { type Tfjs, loadTfjs } from "../impl/tfjs-loader.js";
import { w3Cases } from "../matmul-case.js";
import type { ResettableTrainer } from "../trainer.js";
import { w1Jobs } from "../workloads/w1.js";
import { w2Jobs } from "../workloads/w2.js";

/** The JavaScript implementations of the main table, in its column order. */
export const TRAINING_IMPLS = ["nn", "nn autograd", "tfjs cpu", "tfjs wasm"] as const;
export const PRODUCT_IMPLS = ["nn", "tfjs cpu", "tfjs wasm"] as const;

/** Which row of the main table a host process serves: a training workload or a W3 product, by name. */
export interface HostedRow {
  readonly kind: "training" | "matmul";
  /** The spec's name (`W1 full batch`) or the product's (`64³`). */
  readonly name: string;
  readonly impl: string;
  readonly quick: boolean;
}

/**
 * What a host times: `make()` builds it (once per host). Specs and operands are rebuilt from
 * their seeds, so every process holds the same bytes.
 */
export type HostedImpl =
  | { kind: "training"; make(): Promise<ResettableTrainer> }
  | { kind: "matmul"; make(): Promise<TimedProduct> };

let tfjs: Promise<Tfjs> | undefined;

/** TensorFlow.js is loaded only by the hosts of its own rows. */
function tf(): Promise<Tfjs> {
  tfjs ??= loadTfjs();
  return tfjs;
}

export function hostedImpl(row: HostedRow): HostedImpl {
  if (row.kind === "training") {
    const job = [...w1Jobs(row.quick), ...w2Jobs(row.quick)].find((j) => j.spec.name === row.name);
    if (job === undefined) throw new Error(`no training workload named ${JSON.stringify(row.name)}`);
    const spec = job.spec;
    switch (row.impl) {
      case "nn": return { kind: "training", make: () => Promise.resolve(nnTrainer(spec)) };
      case "nn autograd": return { kind: "training", make: () => Promise.resolve(nnAutogradTrainer(spec)) };
      case "tfjs cpu": return { kind: "training", make: async () => tfjsTrainer(await tf(), "cpu", spec) };
      case "tfjs wasm": return { kind: "training", make: async () => tfjsTrainer(await tf(), "wasm", spec) };
    }
  } else {
    const c = w3Cases(row.quick).find((m) => m.name === row.name);
    if (c === undefined) throw new Error(`no W3 product named ${JSON.stringify(row.name)}`);
    switch (row.impl) {
      case "nn": return { kind: "matmul", make: () => Promise.resolve(nnProduct(c)) };
      case "tfjs cpu": return { kind: "matmul", make: async () => tfjsProduct(await tf(), "cpu", c) };
      case "tfjs wasm": return { kind: "matmul", make: async () => tfjsProduct(await tf(), "wasm", c) };
    }
  }
  throw new Error(`no ${row.kind} implementation named ${JSON.stringify(row.impl)}`);
}

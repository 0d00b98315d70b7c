import { kernels, relaxedSimdKernels, setBackend, setKernels } from "@nn/tensor";
import { nnTrainer } from "../impl/nn-mlp.js";
import { lockstep } from "../lockstep.js";
import { flopsOf, matmulCase } from "../matmul-case.js";
import { type MlpSpec, w1Spec, w2Spec } from "../mlp-spec.js";
import { alignColumns, formatThroughput } from "../table.js";
import type { Clock, Timed } from "../timing.js";

export interface RelaxedSimdRow {
  readonly workload: string;
  readonly unit: "samples/s" | "GFLOP/s";
  /** The default wasm backend (mul + add, bit-identical everywhere) and the opt-in fused multiply-add one. */
  readonly wasm: number;
  readonly relaxed: number;
  /** Whether the relaxed product differs in any bit from the default one (evidence the engine fuses). */
  readonly bitsDiffer: boolean;
}

type Backend = "wasm" | "wasm-relaxed";

/** `run` with `backend` active: the two sides of a lockstep each bring their own backend. */
function on(backend: Backend, name: string, run: () => void): Timed {
  return { name, run: () => { setBackend(backend); run(); } };
}

function trainingRow(spec: MlpSpec, steps: { warmup: number; steps: number }, clock: Clock): RelaxedSimdRow {
  const plain = nnTrainer(spec), fused = nnTrainer(spec);
  const [tPlain, tFused] = lockstep(on("wasm", "wasm", () => plain.run()), on("wasm-relaxed", "relaxed", () => fused.run()), { ...steps, clock });
  setBackend("wasm");
  const lossPlain = plain.loss();
  setBackend("wasm-relaxed");
  const lossFused = fused.loss();
  const rows = spec.batches[0].rows;
  return { workload: spec.name, unit: "samples/s", wasm: rows / tPlain, relaxed: rows / tFused, bitsDiffer: !Object.is(lossPlain, lossFused) };
}

function productRow(name: string, m: number, n: number, k: number, transA: boolean, transB: boolean, steps: { warmup: number; steps: number }, clock: Clock): RelaxedSimdRow {
  const c = matmulCase(name, m, n, k, transA, transB);
  const outPlain = new Float32Array(m * n), outFused = new Float32Array(m * n);
  const product = (out: Float32Array) => (): void => kernels().matmul(c.a, c.b, out, m, n, k, transA, transB);
  const [tPlain, tFused] = lockstep(on("wasm", "wasm", product(outPlain)), on("wasm-relaxed", "relaxed", product(outFused)), { ...steps, clock });
  let differ = false;
  for (let i = 0; i < outPlain.length && !differ; i++) differ = !Object.is(outPlain[i], outFused[i]);
  return { workload: `W3 ${name}`, unit: "GFLOP/s", wasm: flopsOf(c) / tPlain / 1e9, relaxed: flopsOf(c) / tFused / 1e9, bitsDiffer: differ };
}

/**
 * The opt-in relaxed-SIMD product (`setBackend("wasm-relaxed")`) against the default wasm backend
 * on the training steps and products of the main table, in lockstep. Empty where the engine has
 * no relaxed SIMD (Node 20 without --experimental-wasm-relaxed-simd).
 */
export function runRelaxedSimd(quick: boolean, clock: Clock): RelaxedSimdRow[] {
  if (relaxedSimdKernels() === null) return [];
  const previous = kernels();
  const n = quick ? 1 : 4;
  try {
    return [
      trainingRow(w1Spec(1000), { warmup: 5 * n, steps: 30 * n }, clock),
      trainingRow(w1Spec(32), { warmup: 62 * n, steps: 310 * n }, clock),
      trainingRow(w2Spec(), { warmup: 3 * n, steps: 20 * n }, clock),
      productRow("512³", 512, 512, 512, false, false, { warmup: 2 * n, steps: 8 * n }, clock),
      productRow("X·W 128×784·784×256", 128, 256, 784, false, false, { warmup: 5 * n, steps: 40 * n }, clock),
      productRow("Xᵀ·dY 784×128·128×256", 784, 256, 128, true, false, { warmup: 5 * n, steps: 40 * n }, clock),
      productRow("dY·Wᵀ 128×256·256×784", 128, 784, 256, false, true, { warmup: 5 * n, steps: 40 * n }, clock),
    ];
  } finally {
    setKernels(previous);
  }
}

/** The table of `runRelaxedSimd`, or how to get it. */
export function formatRelaxedSimd(rows: readonly RelaxedSimdRow[]): string {
  if (rows.length === 0) {
    return "relaxed SIMD is not available in this engine: run node --experimental-wasm-relaxed-simd bench/dist/run.js --only relaxed (Node 20; on by default in Node ≥ 22 and Chromium)";
  }
  const header = ["relaxed SIMD (opt-in)", "unit", "wasm", "wasm-relaxed", "relaxed÷wasm", "bits differ"];
  const cells = rows.map((r) => [r.workload, r.unit, formatThroughput(r.wasm), formatThroughput(r.relaxed), `${(r.relaxed / r.wasm).toFixed(2)}×`, r.bitsDiffer ? "yes" : "no"]);
  return alignColumns(header, cells);
}

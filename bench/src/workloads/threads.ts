import { setThreads } from "@nn/tensor";
import { nodeWorkers } from "@nn/tensor/node";
import { nnProduct } from "../impl/matmul-impls.js";
import { nnTrainer } from "../impl/nn-mlp.js";
import { type MatmulCase, flopsOf, w3Cases } from "../matmul-case.js";
import { type MlpSpec, w1Spec, w2Spec } from "../mlp-spec.js";
import { runNumpy } from "../numpy-runner.js";
import { alignColumns, formatRatio, formatThroughput } from "../table.js";
import { type InterleaveOptions, type Timed, calibrate, interleave, median } from "../timing.js";
import { w3Timing } from "./w3.js";

/**
 * One row of the threads table: nn and NumPy at 1 and 2 threads, in elapsed (wall) time. CPU
 * time, the main table's clock, adds up every thread's time, so it would show two threads as no
 * faster (or slower) however much sooner they finish.
 */
export interface ThreadsRow {
  readonly workload: string;
  readonly unit: "samples/s" | "GFLOP/s";
  readonly nn1: number;
  readonly nn2: number;
  /** NumPy with OPENBLAS_NUM_THREADS (and the like) at 1 and at 2; null without NumPy. */
  readonly numpy1: number | null;
  readonly numpy2: number | null;
  /** Whether nn at 2 threads ended with the very bits of 1 thread (the final loss, or the product). */
  readonly sameBits: boolean;
}

/** `timed` with the pool at `threads` (set before each sample, untimed). */
function atThreads(threads: 1 | 2, timed: Timed): Timed {
  return { name: `${timed.name} ${threads}`, prepare: () => setThreads(threads, { workers: nodeWorkers }), run: () => timed.run() };
}

/** Rounds of the threads table: load on a shared machine comes in bursts, so more than elsewhere. */
function roundsOf(quick: boolean): number {
  return quick ? 3 : 11;
}

function trainingTiming(quick: boolean, spec: MlpSpec): InterleaveOptions {
  const w2 = spec.sizes[0] === 784;
  if (quick) return { warmup: 1, rounds: roundsOf(quick), unitsPerSample: w2 ? 1 : 3, clock: "wall" };
  return { warmup: w2 ? 2 : 10, rounds: roundsOf(quick), unitsPerSample: w2 ? 3 : 10, clock: "wall" };
}

/** The median over rounds of NumPy's seconds per step (training) or per product, by name. */
interface NumpyMedians {
  readonly training: ReadonlyMap<string, number>;
  readonly matmul: ReadonlyMap<string, number>;
}

/**
 * NumPy at 1 and at 2 threads, one python3 process per round and thread count, alternating which
 * goes first, so that a burst of load hits both counts alike (as `interleave` does in-process).
 */
function runNumpyThreads(specs: readonly MlpSpec[], cases: readonly MatmulCase[], quick: boolean): [NumpyMedians, NumpyMedians] {
  const samples = [1, 2].map(() => ({ training: new Map<string, number[]>(), matmul: new Map<string, number[]>() }));
  const product = { ...w3Timing(quick), rounds: 1, clock: "wall" as const };
  for (let round = 0; round < roundsOf(quick); round++) {
    for (const threads of round % 2 === 0 ? [1, 2] : [2, 1]) {
      const result = runNumpy(specs.map((spec) => ({ spec, timing: { ...trainingTiming(quick, spec), rounds: 1 } })), cases.map((c) => ({ case: c, ...product })), threads);
      const into = samples[threads - 1];
      for (const t of result.training) into.training.set(t.name, [...(into.training.get(t.name) ?? []), t.secondsPerStep]);
      for (const m of result.matmul) into.matmul.set(m.name, [...(into.matmul.get(m.name) ?? []), m.secondsPerUnit]);
    }
  }
  const medians = (s: (typeof samples)[number]): NumpyMedians => ({
    training: new Map([...s.training].map(([name, v]) => [name, median(v)])),
    matmul: new Map([...s.matmul].map(([name, v]) => [name, median(v)])),
  });
  return [medians(samples[0]), medians(samples[1])];
}

async function trainingRow(spec: MlpSpec, timing: InterleaveOptions, numpy: ReadonlyArray<NumpyMedians | null>): Promise<ThreadsRow> {
  const one = nnTrainer(spec), two = nnTrainer(spec);
  const [t1, t2] = await interleave([atThreads(1, one), atThreads(2, two)], timing);
  await setThreads(1);
  const rows = spec.batches[0].rows;
  const np = numpy.map((r) => r?.training.get(spec.name));
  return {
    workload: spec.name, unit: "samples/s", nn1: rows / t1, nn2: rows / t2,
    numpy1: np[0] === undefined ? null : rows / np[0], numpy2: np[1] === undefined ? null : rows / np[1],
    sameBits: Object.is(one.loss(), two.loss()),
  };
}

async function productRow(c: MatmulCase, quick: boolean, numpy: ReadonlyArray<NumpyMedians | null>): Promise<ThreadsRow> {
  const one = nnProduct(c), two = nnProduct(c);
  const impls = [atThreads(1, one), atThreads(2, two)];
  const timing = { ...w3Timing(quick), rounds: roundsOf(quick), clock: "wall" as const };
  const units: number[] = [];
  for (const impl of impls) units.push(await calibrate(impl, timing.targetSeconds, "wall"));
  const [t1, t2] = await interleave(impls, { warmup: timing.warmup, rounds: timing.rounds, unitsPerSample: units, clock: "wall" });
  await setThreads(1);
  const a = one.result(), b = two.result();
  let same = a.length === b.length;
  for (let i = 0; i < a.length && same; i++) same = Object.is(a[i], b[i]);
  const np = numpy.map((r) => r?.matmul.get(c.name));
  const flops = flopsOf(c) / 1e9;
  return {
    workload: `W3 ${c.name}`, unit: "GFLOP/s", nn1: flops / t1, nn2: flops / t2,
    numpy1: np[0] === undefined ? null : flops / np[0], numpy2: np[1] === undefined ? null : flops / np[1],
    sameBits: same,
  };
}

/**
 * The threads table: W1 full batch, W2 batch 128 and the W3 products by nn at 1 and 2 threads
 * (`setThreads`, interleaved sample by sample) and by NumPy at 1 and 2 BLAS threads (one python3
 * process per round and thread count, alternating), all in wall time: medians over the rounds. Empty, with the reason in `skipped`, where this
 * machine runs fewer than 2 threads at once.
 */
export async function runThreads(quick: boolean, withNumpy: boolean): Promise<{ rows: ThreadsRow[]; skipped?: string }> {
  if (nodeWorkers.available < 2) return { rows: [], skipped: `this machine runs ${nodeWorkers.available} thread at once (os.availableParallelism())` };
  const specs = [w1Spec(1000), w2Spec()];
  const cases = w3Cases(quick);
  const numpy: Array<NumpyMedians | null> = withNumpy ? runNumpyThreads(specs, cases, quick) : [null, null];
  const rows: ThreadsRow[] = [];
  for (const spec of specs) rows.push(await trainingRow(spec, trainingTiming(quick, spec), numpy));
  for (const c of cases) rows.push(await productRow(c, quick, numpy));
  return { rows };
}

/** The table of `runThreads`. */
export function formatThreads(result: { rows: readonly ThreadsRow[]; skipped?: string }): string {
  if (result.rows.length === 0) return `threads table left out: ${result.skipped ?? "nothing ran"}`;
  const header = ["threads (wall time)", "unit", "nn 1", "nn 2", "nn 2÷1", "NumPy 1", "NumPy 2", "NumPy 2÷1", "nn÷NumPy (1)", "nn÷NumPy (2)", "same bits"];
  const cells = result.rows.map((r) => [
    r.workload, r.unit, formatThroughput(r.nn1), formatThroughput(r.nn2), formatRatio(r.nn2, r.nn1),
    formatThroughput(r.numpy1 ?? Number.NaN), formatThroughput(r.numpy2 ?? Number.NaN), formatRatio(r.numpy2 ?? undefined, r.numpy1 ?? undefined),
    formatRatio(r.nn1, r.numpy1 ?? undefined), formatRatio(r.nn2, r.numpy2 ?? undefined), r.sameBits ? "✓" : "✗",
  ]);
  return alignColumns(header, cells);
}

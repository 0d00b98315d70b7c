import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MatmulCase } from "./matmul-case.js";
import type { Batch, MlpSpec } from "./mlp-spec.js";
import type { Clock, InterleaveOptions } from "./timing.js";
import { HostProcess } from "./isolated/host-process.js";
import { readFloat32File, writeFloat32File } from "./raw-float32.js";

const script = fileURLToPath(new URL("../python/bench_numpy.py", import.meta.url));

/**
 * NumPy allocates a fresh array for every intermediate. With glibc's defaults, the large ones
 * (W2's 800 KB weight gradients) are returned to the OS at the end of every step and faulted
 * back in at the next, which on our VMs costs several times the arithmetic and comes and goes
 * with the allocator's adaptive thresholds (W2 measured 10k or 80k samples/s depending on it).
 * Fixed thresholds, as long-running NumPy services set, give NumPy its steady-state speed: the
 * comparison is against NumPy at its best.
 */
const STEADY_MALLOC = { MALLOC_MMAP_THRESHOLD_: "268435456", MALLOC_TRIM_THRESHOLD_: "268435456" };

/** The NumPy version when `python3` can import NumPy, else null (the NumPy rows are then left out). */
export function numpyVersion(): string | null {
  const probe = spawnSync("python3", ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

export interface NumpyTrainingJob {
  spec: MlpSpec;
  timing: InterleaveOptions & { warmupSeconds?: number };
}

export interface NumpyMatmulJob {
  case: MatmulCase;
  warmup: number;
  rounds: number;
  targetSeconds: number;
  clock?: Clock;
}

export interface NumpyResults {
  training: Array<{ name: string; secondsPerStep: number; loss: number }>;
  matmul: Array<{ name: string; secondsPerUnit: number; result: Float32Array }>;
}

interface RawResults {
  training: NumpyResults["training"];
  matmul: Array<{ name: string; secondsPerUnit: number; result: string }>;
}

/** Writes spec.json and the raw float32 arrays it names into `dir` (NumPy reads the same bytes as the JS rows). */
function writeNumpySpec(dir: string, training: readonly NumpyTrainingJob[], matmul: readonly NumpyMatmulJob[]): void {
  let counter = 0;
  const put = (data: Float32Array): string => {
    const name = `a${counter++}.f32`;
    writeFloat32File(join(dir, name), data);
    return name;
  };
  const batch = (b: Batch) => ({ x: put(b.x), y: put(b.y), rows: b.rows });
  const spec = {
    training: training.map(({ spec: s, timing }) => ({
      name: s.name, sizes: s.sizes, loss: s.loss, lr: s.lr,
      batches: s.batches.map(batch), evalSet: batch(s.evalSet),
      weights: s.weights.map(put), biases: s.biases.map(put),
      warmupSeconds: timing.warmupSeconds ?? 0,
      warmup: timing.warmup, rounds: timing.rounds, unitsPerSample: timing.unitsPerSample, clock: timing.clock ?? "cpu",
    })),
    matmul: matmul.map((job) => ({
      name: job.case.name, m: job.case.m, n: job.case.n, k: job.case.k,
      transA: job.case.transA, transB: job.case.transB, a: put(job.case.a), b: put(job.case.b),
      warmup: job.warmup, rounds: job.rounds, targetSeconds: job.targetSeconds, clock: job.clock ?? "cpu",
    })),
  };
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
}

/** The BLAS's thread count for python3 (the script sets OPENBLAS_NUM_THREADS and the like from it). */
function numpyArgs(dir: string, threads: number): string[] {
  return [script, dir, "--threads", String(threads)];
}

/**
 * Runs the NumPy rows in one python3 process: the spec and every array go through a temporary
 * directory as raw float32 files, so NumPy trains from exactly the same bytes as the JS rows.
 * `threads` is the BLAS's thread count (OPENBLAS_NUM_THREADS and the like, set by the script
 * before it imports NumPy); 1 unless the threads table asks for more.
 */
export function runNumpy(training: readonly NumpyTrainingJob[], matmul: readonly NumpyMatmulJob[], threads = 1): NumpyResults {
  const dir = mkdtempSync(join(tmpdir(), "nn-bench-"));
  try {
    writeNumpySpec(dir, training, matmul);
    const stdout = execFileSync("python3", numpyArgs(dir, threads), { encoding: "utf8", maxBuffer: 1 << 24, env: { ...process.env, ...STEADY_MALLOC } });
    const raw = JSON.parse(stdout) as RawResults;
    return {
      training: raw.training,
      matmul: raw.matmul.map((r) => ({ ...r, result: readFloat32File(join(dir, r.result)) })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * NumPy's rows of the main table as host processes, one per row, interleaved with the
 * JavaScript rows by the parent (`isolated/host-process.ts`). `start(kind, index)` serves the
 * index-th training job or product; `dispose()` removes the spec directory.
 */
export function numpyHosts(training: readonly NumpyTrainingJob[], matmul: readonly NumpyMatmulJob[], clock: Clock): { start(kind: "training" | "matmul", index: number): HostProcess; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), "nn-bench-"));
  writeNumpySpec(dir, training, matmul);
  return {
    start: (kind, index) => new HostProcess("numpy", "python3", [...numpyArgs(dir, 1), "--serve", kind, String(index)], clock, { ...process.env, ...STEADY_MALLOC }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

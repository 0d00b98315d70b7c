import { decodeBase64 } from "../../encoding/base64.js";
import { gemmSharedWasm } from "../wasm/wasm-bytes.generated.js";
import { ARGS, BOUNDS, BUSY, CHUNK_MASK, FAILED, JOB, MAX_CHUNKS, NEXT, STOP, WORKER_CHUNKS, createControlBlock, jobTag, readFailure } from "./control-block.js";
import type { PoolWorker, WorkerHost } from "./worker-host.js";

/** gemm_f32_part in gemm.wat: gemm_f32's arguments, then rowStart, rowEnd, colStart, colEnd. */
type GemmPart = (
  a: number, b: number, c: number, m: number, n: number, k: number, transA: number, transB: number,
  prior: number, bias: number, flags: number, packA: number, packB: number, tile: number,
  rowStart: number, rowEnd: number, colStart: number, colEnd: number,
) => void;

/** gemm.wat's micro-tile: a chunk is whole 4-row (or 8-column) tiles, so it adds no edge tiles. */
const MR = 4, NR = 8;

/**
 * Chunks per thread: more than one, so a thread that starts late or is preempted leaves its
 * share to the others; few, since every chunk packs the whole shared operand again.
 */
const CHUNKS_PER_THREAD = 2;

/**
 * Products smaller than this many multiply-adds stay on the calling thread: below it, waking a
 * worker and its packing of the shared operand cost more than half the product saves. Measured
 * with `npm run bench -- --only threads` and by forcing the split on smaller products
 * (docs/design_notes.md, "Worker threads").
 */
export const MIN_THREADED_MACS = 1 << 19;

/**
 * The opt-in worker pool for large float32 products (`setThreads`). Each of `threads - 1` workers
 * runs gemm.wat on the kernels' shared memory and blocks in Atomics.wait on a shared control
 * block (control-block.ts). A product is cut into chunks of whole rows of C (or of whole
 * columns, when C is wider than tall); the caller posts it, wakes the workers, and every thread
 * takes chunks until none is left, then the caller waits for the chunks workers took. Each
 * element of C is computed by one thread with the same micro-kernel over the same slices of k in
 * the same order, so the result has the bits of the single-threaded product whoever computes
 * which chunk. A worker that has not started, or that the OS runs late, costs only the chunks it
 * did not take: the caller computes them.
 */
export class GemmPool {
  /** Threads that share a large product, the calling one included. */
  readonly threads: number;
  /** Settles when every worker has started (rejects with why one could not). */
  readonly ready: Promise<void>;
  readonly host: WorkerHost;
  private readonly control = createControlBlock();
  private readonly workers: PoolWorker[] = [];
  private readonly part: GemmPart;
  private job = 0;
  private started = 0;
  private byRows = true;
  private units = 0;

  constructor(memory: WebAssembly.Memory, host: WorkerHost, threads: number) {
    this.threads = threads;
    this.host = host;
    const module = new WebAssembly.Module(decodeBase64(gemmSharedWasm));
    this.part = new WebAssembly.Instance(module, { env: { memory } }).exports.gemm_f32_part as GemmPart;
    const started: Array<Promise<void>> = [];
    for (let slot = 0; slot < threads - 1; slot++) {
      started.push(new Promise((resolve, reject) => {
        this.workers.push(host.spawn({ module, memory, control: this.control, slot }, (message) => {
          if (message === "ready") {
            this.started++;
            resolve();
          } else {
            reject(new Error(`setThreads: worker thread ${slot + 1} could not start: ${message.failed}`));
          }
        }));
      }));
    }
    this.ready = Promise.all(started).then(() => undefined);
    // A caller that does not await `ready` still gets its products (on fewer threads): a worker
    // that failed to start is not an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /**
   * How many chunks an m×n×k product is cut into: 1 (the caller alone) below MIN_THREADED_MACS
   * or before any worker has started, else two per thread, at most one per tile row (or column).
   */
  chunksFor(m: number, n: number, k: number): number {
    if (m * n * k < MIN_THREADED_MACS || this.started === 0) return 1;
    this.byRows = m >= n;
    this.units = this.byRows ? Math.ceil(m / MR) : Math.ceil(n / NR);
    return Math.min(this.units, CHUNKS_PER_THREAD * this.threads, MAX_CHUNKS);
  }

  /**
   * gemm_f32 (same arguments) cut into `chunks` (from `chunksFor`, just before). The caller's
   * pack buffers and tile are at packA, packB and tile; worker w's at the same distances from
   * `scratch + w·stride`.
   */
  gemm(
    chunks: number, a: number, b: number, c: number, m: number, n: number, k: number, transA: number, transB: number,
    prior: number, bias: number, flags: number, packA: number, packB: number, tile: number, scratch: number, stride: number,
  ): void {
    const control = this.control;
    Atomics.store(control, JOB, ++this.job); // odd: a worker that reads the arguments now reads them again
    const j = ARGS;
    control[j] = a;
    control[j + 1] = b;
    control[j + 2] = c;
    control[j + 3] = m;
    control[j + 4] = n;
    control[j + 5] = k;
    control[j + 6] = transA;
    control[j + 7] = transB;
    control[j + 8] = prior;
    control[j + 9] = bias;
    control[j + 10] = flags;
    control[j + 11] = packA - tile;
    control[j + 12] = packB - tile;
    control[j + 13] = scratch;
    control[j + 14] = stride;
    control[j + 15] = chunks;
    for (let chunk = 0; chunk < chunks; chunk++) this.bounds(chunk, chunks, m, n);
    this.job = (this.job + 1) | 0;
    const tag = jobTag(this.job);
    Atomics.store(control, NEXT, tag);
    Atomics.store(control, JOB, this.job);
    Atomics.notify(control, JOB);
    let failure: string | null;
    try {
      for (;;) {
        const next = Atomics.load(control, NEXT);
        if ((next & CHUNK_MASK) >= chunks) break;
        if (Atomics.compareExchange(control, NEXT, next, next + 1) !== next) continue;
        const at = BOUNDS + 4 * (next & CHUNK_MASK);
        this.part(a, b, c, m, n, k, transA, transB, prior, bias, flags, packA, packB, tile, control[at], control[at + 1], control[at + 2], control[at + 3]);
      }
    } finally {
      // No chunk is taken from here on (when the caller's chunk failed, some were left), and
      // the ones workers hold are waited for: nothing writes C after this call returns.
      Atomics.store(control, NEXT, tag + CHUNK_MASK);
      failure = this.join();
    }
    if (failure !== null) throw new Error(`matmul: a worker thread failed on its block of the ${m}×${k}·${k}×${n} product: ${failure}`);
  }

  /** Chunks the workers have computed so far (the caller computes the rest). */
  get workerChunks(): number {
    return Atomics.load(this.control, WORKER_CHUNKS);
  }

  /** Waits until no worker holds a chunk; the first worker failure's message, if any. */
  private join(): string | null {
    const control = this.control;
    for (let busy = Atomics.load(control, BUSY); busy !== 0; busy = Atomics.load(control, BUSY)) Atomics.wait(control, BUSY, busy);
    if (Atomics.load(control, FAILED) === 0) return null;
    const failure = readFailure(control);
    Atomics.store(control, FAILED, 0);
    return failure;
  }

  /** Writes chunk `chunk` of `chunks` (rowStart, rowEnd, colStart, colEnd) into the control block. */
  private bounds(chunk: number, chunks: number, m: number, n: number): void {
    const at = BOUNDS + 4 * chunk, control = this.control;
    const first = Math.floor((chunk * this.units) / chunks), end = Math.floor(((chunk + 1) * this.units) / chunks);
    control[at] = this.byRows ? first * MR : 0;
    control[at + 1] = this.byRows ? Math.min(m, end * MR) : m;
    control[at + 2] = this.byRows ? 0 : first * NR;
    control[at + 3] = this.byRows ? n : Math.min(n, end * NR);
  }

  /**
   * Tells every worker to leave its loop, then ends it; settles when they have exited (a
   * worker's teardown takes CPU time, which a caller timing something next may want over). The
   * pool is unusable from the call on.
   */
  stop(): Promise<void> {
    Atomics.store(this.control, STOP, 1);
    this.job = (this.job + 2) | 0;
    Atomics.store(this.control, JOB, this.job);
    Atomics.notify(this.control, JOB);
    return Promise.all(this.workers.map((worker) => Promise.resolve(worker.stop()))).then(() => undefined);
  }
}

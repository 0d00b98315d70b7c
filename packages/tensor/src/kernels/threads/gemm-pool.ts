import { decodeBase64 } from "../../encoding/base64.js";
import { gemmSharedWasm } from "../wasm/wasm-bytes.generated.js";
import { ARGS, FAILED, IDLE, SLOT_INTS, STATE, STOP, WORK, createControlBlock, readFailure } from "./control-block.js";
import type { PoolWorker, WorkerHost } from "./worker-host.js";

/** gemm_f32_part in gemm.wat: gemm_f32's arguments, then rowStart, rowEnd, colStart, colEnd. */
type GemmPart = (
  a: number, b: number, c: number, m: number, n: number, k: number, transA: number, transB: number,
  prior: number, bias: number, flags: number, packA: number, packB: number, tile: number,
  rowStart: number, rowEnd: number, colStart: number, colEnd: number,
) => void;

/** gemm.wat's micro-tile: a split falls on whole 4-row (or 8-column) tiles, so it adds no edge tiles. */
const MR = 4, NR = 8;

/**
 * Products smaller than this many multiply-adds stay on the calling thread: below it, waking a
 * worker and its packing of the shared operand cost more than half the product saves. Measured
 * with bench/src/workloads/threads.ts (`npm run bench -- --only threads`; docs/design_notes.md,
 * "Worker threads").
 */
export const MIN_THREADED_MACS = 1 << 19;

/**
 * The opt-in worker pool for large float32 products (`setThreads`). Each of `threads - 1` workers
 * runs gemm.wat on the kernels' shared memory and blocks in Atomics.wait on its slot of a shared
 * control block. A product is cut into blocks of whole rows of C (or of whole columns, when C is
 * wider than tall): the calling thread posts one block to each idle worker, computes the first
 * block itself, then waits for the others. Each element of C is computed by one thread with the
 * same micro-kernel over the same slices of k in the same order, so the result has the bits of
 * the single-threaded product whatever the split. Workers that have not started yet get no
 * block (the caller's share grows instead), so the pool is usable at once and never waits on a
 * worker's start.
 */
export class GemmPool {
  /** Threads that share a large product, the calling one included. */
  readonly threads: number;
  /** Settles when every worker has started (rejects with why one could not). */
  readonly ready: Promise<void>;
  readonly host: WorkerHost;
  private readonly control: Int32Array;
  private readonly workers: PoolWorker[] = [];
  private readonly part: GemmPart;
  /** Slots of the idle workers chosen by the last `partsFor`, in block order. */
  private readonly helpers: Int32Array;
  /** The calling thread's block: rowStart, rowEnd, colStart, colEnd. */
  private readonly own = new Int32Array(4);
  private byRows = true;
  private units = 0;

  constructor(memory: WebAssembly.Memory, host: WorkerHost, threads: number) {
    this.threads = threads;
    this.host = host;
    const module = new WebAssembly.Module(decodeBase64(gemmSharedWasm));
    this.part = new WebAssembly.Instance(module, { env: { memory } }).exports.gemm_f32_part as GemmPart;
    this.control = createControlBlock(threads - 1);
    this.helpers = new Int32Array(threads - 1);
    const started: Array<Promise<void>> = [];
    for (let slot = 0; slot < threads - 1; slot++) {
      started.push(new Promise((resolve, reject) => {
        this.workers.push(host.spawn({ module, memory, control: this.control, slot }, (message) => {
          if (message === "ready") resolve();
          else reject(new Error(`setThreads: worker thread ${slot + 1} could not start: ${message.failed}`));
        }));
      }));
    }
    this.ready = Promise.all(started).then(() => undefined);
    // A caller that does not await `ready` still gets its products (on fewer threads): a worker
    // that failed to start is not an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /**
   * How many blocks an m×n×k product is cut into now: 1 (the caller alone) below
   * MIN_THREADED_MACS, else one per idle worker plus the caller's, at most one per tile row (or
   * column). Chooses the workers `gemm` will use.
   */
  partsFor(m: number, n: number, k: number): number {
    if (m * n * k < MIN_THREADED_MACS) return 1;
    this.byRows = m >= n;
    this.units = this.byRows ? Math.ceil(m / MR) : Math.ceil(n / NR);
    let parts = 1;
    for (let slot = 0; slot < this.helpers.length && parts < this.units; slot++) {
      if (Atomics.load(this.control, slot * SLOT_INTS + STATE) === IDLE) this.helpers[parts++ - 1] = slot;
    }
    return parts;
  }

  /**
   * gemm_f32 (same arguments) cut into `parts` blocks (from `partsFor`, just before). The
   * caller's pack buffers and tile are at packA, packB and tile; worker p's are at the same
   * distances from `scratch + (p - 1)·stride`.
   */
  gemm(
    parts: number, a: number, b: number, c: number, m: number, n: number, k: number, transA: number, transB: number,
    prior: number, bias: number, flags: number, packA: number, packB: number, tile: number, scratch: number, stride: number,
  ): void {
    const control = this.control;
    for (let p = 1; p < parts; p++) {
      const at = this.helpers[p - 1] * SLOT_INTS, j = at + ARGS, own = scratch + (p - 1) * stride;
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
      control[j + 11] = own + (packA - tile);
      control[j + 12] = own + (packB - tile);
      control[j + 13] = own;
      this.block(p, parts, m, n, control, j + 14);
      Atomics.store(control, at + STATE, WORK);
      Atomics.notify(control, at + STATE, 1);
    }
    let failure: string | null;
    try {
      const own = this.own;
      this.block(0, parts, m, n, own, 0);
      this.part(a, b, c, m, n, k, transA, transB, prior, bias, flags, packA, packB, tile, own[0], own[1], own[2], own[3]);
    } finally {
      // Even when the caller's block failed, the workers still write C: wait for them first.
      failure = this.join(parts);
    }
    if (failure !== null) throw new Error(`matmul: a worker thread failed on its block of the ${m}×${k}·${k}×${n} product: ${failure}`);
  }

  /** Waits until the workers of blocks 1…parts-1 are done; the first failure's message, if any. */
  private join(parts: number): string | null {
    const control = this.control;
    let failure: string | null = null;
    for (let p = 1; p < parts; p++) {
      const at = this.helpers[p - 1] * SLOT_INTS + STATE;
      let state = Atomics.load(control, at);
      while (state === WORK) {
        Atomics.wait(control, at, WORK);
        state = Atomics.load(control, at);
      }
      if (state === FAILED) {
        failure ??= readFailure(control, this.helpers[p - 1]);
        Atomics.store(control, at, IDLE);
      }
    }
    return failure;
  }

  /** Writes block p of `parts` (rowStart, rowEnd, colStart, colEnd) into out[at…at+3]. */
  private block(p: number, parts: number, m: number, n: number, out: Int32Array, at: number): void {
    const first = Math.floor((p * this.units) / parts), end = Math.floor(((p + 1) * this.units) / parts);
    if (this.byRows) {
      out[at] = first * MR;
      out[at + 1] = Math.min(m, end * MR);
      out[at + 2] = 0;
      out[at + 3] = n;
    } else {
      out[at] = 0;
      out[at + 1] = m;
      out[at + 2] = first * NR;
      out[at + 3] = Math.min(n, end * NR);
    }
  }

  /** Tells every worker to leave its loop, then ends it. The pool is unusable afterwards. */
  stop(): void {
    for (let slot = 0; slot < this.threads - 1; slot++) {
      Atomics.store(this.control, slot * SLOT_INTS + STATE, STOP);
      Atomics.notify(this.control, slot * SLOT_INTS + STATE);
    }
    for (const worker of this.workers) worker.stop();
  }
}

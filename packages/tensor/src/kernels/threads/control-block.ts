/**
 * The shared control block of the worker pool, Int32 words in a SharedArrayBuffer through which
 * the calling thread posts a product and the threads share out its blocks (Atomics on the words
 * below), with no message and no event loop in between. The worker's source
 * (gemm-worker-source.ts) is generated from these numbers.
 *
 * A product is a job: its arguments, and the bounds of each of its blocks ("chunks") of C. Every
 * thread, the caller included, takes the next chunk with a compare-and-swap on NEXT until none
 * is left, so a worker the OS has not scheduled yet costs nothing: the caller computes the
 * chunks itself. The caller then waits only for chunks a worker has actually taken (BUSY).
 */

/** Job sequence number: odd while the caller writes a job, even once it is posted (workers wait on it). */
export const JOB = 0;
/** The next chunk to take, tagged with the job: (JOB / 2 mod 2²³) · 256 + chunk. */
export const NEXT = 1;
/** Workers between "about to take a chunk" and "done with it"; the caller waits for 0. */
export const BUSY = 2;
/** 1 once the pool is stopping: workers leave their loop. */
export const STOP = 3;
/** 0, or 1 + the slot of the first worker whose chunk failed (its message is at MESSAGE). */
export const FAILED = 4;
/** Chunks computed by workers since the pool started (a diagnostic: tests check workers take part). */
export const WORKER_CHUNKS = 5;

/**
 * The job's arguments, all int32 (byte offsets into the kernels' memory are below 2³¹,
 * arena-layout.ts): gemm_f32's a, b, c, m, n, k, transA, transB, prior, bias, flags, then the
 * distances of packA and packB from a thread's tile, where worker 0's tile is, the bytes
 * between two workers' tiles, and the number of chunks.
 */
export const ARGS = 8;
export const ARG_COUNT = 16;

/** Chunk c's rowStart, rowEnd, colStart, colEnd, at BOUNDS + 4c. */
export const BOUNDS = 32;
export const MAX_CHUNKS = 64;

/** A failure message's length, then its UTF-16 code units (cut to fit). */
export const MESSAGE = BOUNDS + 4 * MAX_CHUNKS;
export const MESSAGE_UNITS = 255;

const WORDS = MESSAGE + 1 + MESSAGE_UNITS;

/** The chunk part of NEXT (a chunk index is below 256). */
export const CHUNK_MASK = 255;
/** NEXT's job tag for job number `job`. */
export function jobTag(job: number): number {
  return ((job >>> 1) & 0x7fffff) * 256;
}

export function createControlBlock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(WORDS * 4));
}

/** The failure message a worker left. */
export function readFailure(control: Int32Array): string {
  const length = Math.min(control[MESSAGE], MESSAGE_UNITS);
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(control[MESSAGE + 1 + i]);
  return text;
}

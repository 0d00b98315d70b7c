/**
 * The shared control block of the worker pool: one slot of Int32 per worker in a
 * SharedArrayBuffer, through which the calling thread hands a worker its block of a product and
 * waits for it (Atomics.wait / Atomics.notify on the slot's state), with no message and no event
 * loop in between. The worker's source (gemm-worker-source.ts) is generated from these numbers.
 */

/** Int32s per worker slot. */
export const SLOT_INTS = 128;

/** Index in a slot of its state, one of the values below. */
export const STATE = 0;
/** The worker has not yet instantiated the kernels; it gets no work until it is IDLE. */
export const STARTING = 0;
/** Blocked in Atomics.wait, costing no CPU, until the state changes. */
export const IDLE = 1;
/** A block is posted (the caller set it and notified); the worker sets IDLE when it is done. */
export const WORK = 2;
/** The block failed; the message is in the slot (see MESSAGE). The caller resets it to IDLE. */
export const FAILED = 3;
/** The pool is stopping: the worker leaves its loop. */
export const STOP = 4;

/**
 * Index of the first of gemm_f32_part's 18 arguments (a, b, c, m, n, k, transA, transB, prior,
 * bias, flags, packA, packB, tile, rowStart, rowEnd, colStart, colEnd), all int32: byte offsets
 * into the kernels' memory are below 2³¹ (arena-layout.ts).
 */
export const ARGS = 1;
export const ARG_COUNT = 18;

/** Index of a failure message's length, followed by its UTF-16 code units (cut to fit). */
export const MESSAGE = 24;
export const MESSAGE_UNITS = SLOT_INTS - MESSAGE - 1;

/** The control block for `workers` slots. */
export function createControlBlock(workers: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(workers * SLOT_INTS * 4));
}

/** The failure message a worker left in slot `slot`. */
export function readFailure(control: Int32Array, slot: number): string {
  const at = slot * SLOT_INTS + MESSAGE;
  const length = Math.min(control[at], MESSAGE_UNITS);
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(control[at + 1 + i]);
  return text;
}

import { ARGS, BOUNDS, BUSY, CHUNK_MASK, FAILED, JOB, MESSAGE, MESSAGE_UNITS, NEXT, STOP, WORKER_CHUNKS } from "./control-block.js";

/**
 * What a worker of the pool is started with (structured-cloned: the module compiles once, the
 * memory and the control block are shared, not copied).
 */
export interface GemmWorkerInit {
  /** gemm.wat assembled against a shared memory. */
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: Int32Array;
  /** This worker's number (its pack buffers are the slot-th of the job's). */
  readonly slot: number;
}

/** The message a worker posts once (`"ready"`, or why it could not start). */
export type GemmWorkerMessage = "ready" | { readonly failed: string };

/**
 * The worker's loop, as plain JavaScript text (a worker is started from source, so that the same
 * text runs under Node's worker_threads and in a browser's Worker from a Blob URL, with no file
 * beside the bundle to locate). It instantiates gemm.wat on the shared memory, then blocks in
 * Atomics.wait until a job is posted; it reads the job's arguments (again if the caller was
 * writing them meanwhile), then takes chunks of it until none is left (control-block.ts).
 * `memory.buffer` is read before each chunk so a memory the caller has grown is seen at its new
 * size.
 */
const serveGemm = `
function serveGemm(init, post) {
  const control = init.control, memory = init.memory, slot = init.slot;
  let part;
  try {
    part = new WebAssembly.Instance(init.module, { env: { memory } }).exports.gemm_f32_part;
  } catch (error) {
    post({ failed: String(error) });
    return;
  }
  post("ready");
  let seen = -1;
  for (;;) {
    const job = Atomics.load(control, ${JOB});
    if (Atomics.load(control, ${STOP}) !== 0) return;
    if (job === seen || (job & 1) !== 0) {
      Atomics.wait(control, ${JOB}, job);
      continue;
    }
    const j = ${ARGS};
    const a = control[j], b = control[j + 1], c = control[j + 2], m = control[j + 3], n = control[j + 4], k = control[j + 5];
    const transA = control[j + 6], transB = control[j + 7], prior = control[j + 8], bias = control[j + 9], flags = control[j + 10];
    const tile = control[j + 13] + slot * control[j + 14], packA = tile + control[j + 11], packB = tile + control[j + 12];
    const chunks = control[j + 15];
    if (Atomics.load(control, ${JOB}) !== job) continue;
    seen = job;
    const tag = ((job >>> 1) & 0x7fffff) * 256;
    for (;;) {
      Atomics.add(control, ${BUSY}, 1);
      const next = Atomics.load(control, ${NEXT});
      const over = next - (next & ${CHUNK_MASK}) !== tag || (next & ${CHUNK_MASK}) >= chunks;
      if (!over && Atomics.compareExchange(control, ${NEXT}, next, next + 1) === next) {
        const at = ${BOUNDS} + 4 * (next & ${CHUNK_MASK});
        try {
          if (memory.buffer.byteLength === 0) throw new Error("the shared memory is empty");
          part(a, b, c, m, n, k, transA, transB, prior, bias, flags, packA, packB, tile,
            control[at], control[at + 1], control[at + 2], control[at + 3]);
          Atomics.add(control, ${WORKER_CHUNKS}, 1);
        } catch (error) {
          if (Atomics.compareExchange(control, ${FAILED}, 0, slot + 1) === 0) {
            const text = String(error), length = Math.min(text.length, ${MESSAGE_UNITS});
            for (let i = 0; i < length; i++) control[${MESSAGE} + 1 + i] = text.charCodeAt(i);
            control[${MESSAGE}] = length;
          }
        }
      }
      if (Atomics.sub(control, ${BUSY}, 1) === 1) Atomics.notify(control, ${BUSY});
      if (over) break;
    }
  }
}
`;

/**
 * The whole source of a pool worker: Node's worker_threads (run with `eval: true`, the init as
 * `workerData`) or a browser's Worker (the init as its first message).
 */
export function gemmWorkerSource(platform: "node" | "browser"): string {
  if (platform === "node") {
    return `${serveGemm}
const { parentPort, workerData } = require("node:worker_threads");
serveGemm(workerData, (message) => parentPort.postMessage(message));
`;
  }
  return `${serveGemm}
self.onmessage = (event) => serveGemm(event.data, (message) => self.postMessage(message));
`;
}

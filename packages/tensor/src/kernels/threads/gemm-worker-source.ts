import { ARGS, FAILED, IDLE, MESSAGE, MESSAGE_UNITS, SLOT_INTS, STARTING, STATE, STOP, WORK } from "./control-block.js";

/**
 * What a worker of the pool is started with (structured-cloned: the module compiles once, the
 * memory and the control block are shared, not copied).
 */
export interface GemmWorkerInit {
  /** gemm.wat assembled against a shared memory. */
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: Int32Array;
  /** This worker's slot in `control`. */
  readonly slot: number;
}

/** The message a worker posts once (`"ready"`, or why it could not start). */
export type GemmWorkerMessage = "ready" | { readonly failed: string };

/**
 * The worker's loop, as plain JavaScript text (a worker is started from source, so that the same
 * text runs under Node's worker_threads and in a browser's Worker from a Blob URL, with no file
 * beside the bundle to locate). It instantiates gemm.wat on the shared memory, announces itself
 * IDLE, then blocks in Atomics.wait until the caller posts a block (WORK) or stops the pool.
 * `memory.buffer` is read before each block so a memory the caller has grown is seen at its
 * new size.
 */
const serveGemm = `
function serveGemm(init, post) {
  const control = init.control, memory = init.memory, at = init.slot * ${SLOT_INTS};
  let part;
  try {
    part = new WebAssembly.Instance(init.module, { env: { memory } }).exports.gemm_f32_part;
  } catch (error) {
    post({ failed: String(error) });
    return;
  }
  if (Atomics.compareExchange(control, at + ${STATE}, ${STARTING}, ${IDLE}) !== ${STARTING}) return;
  post("ready");
  const j = at + ${ARGS};
  for (;;) {
    Atomics.wait(control, at + ${STATE}, ${IDLE});
    const state = Atomics.load(control, at + ${STATE});
    if (state === ${STOP}) return;
    if (state !== ${WORK}) continue;
    try {
      if (memory.buffer.byteLength === 0) throw new Error("the shared memory is empty");
      part(control[j], control[j + 1], control[j + 2], control[j + 3], control[j + 4], control[j + 5],
        control[j + 6], control[j + 7], control[j + 8], control[j + 9], control[j + 10], control[j + 11],
        control[j + 12], control[j + 13], control[j + 14], control[j + 15], control[j + 16], control[j + 17]);
      Atomics.store(control, at + ${STATE}, ${IDLE});
    } catch (error) {
      const text = String(error), length = Math.min(text.length, ${MESSAGE_UNITS});
      control[at + ${MESSAGE}] = length;
      for (let i = 0; i < length; i++) control[at + ${MESSAGE} + 1 + i] = text.charCodeAt(i);
      Atomics.store(control, at + ${STATE}, ${FAILED});
    }
    Atomics.notify(control, at + ${STATE});
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

import { checkOptions } from "../../check-options.js";
import type { WasmRuntime } from "../wasm/wasm-runtime.js";
import { GemmPool } from "./gemm-pool.js";
import { type WorkerHost, browserWorkers } from "./worker-host.js";

export interface ThreadOptions {
  /**
   * How workers are started: Node needs `nodeWorkers` from "@nn/tensor/node"; a browser's Web
   * Worker is the default where the engine has one.
   */
  workers?: WorkerHost;
}

/** Whether this thread may block in Atomics.wait (not a browser's main thread). */
function threadCanWait(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pool behind `setThreads`, attached to the wasm runtime (whose product reads
 * `runtime.threads`), or none.
 */
export function applyThreads(runtime: WasmRuntime | null, count: number, options: ThreadOptions | undefined): Promise<void> {
  const { workers } = checkOptions("setThreads", options, ["workers"]);
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw new RangeError(`setThreads: count must be a whole number ≥ 1 (1 turns the pool off), got ${typeof count === "number" ? count : JSON.stringify(count)}`);
  }
  if (count === 1) return runtime === null ? Promise.resolve() : stopPool(runtime);
  if (runtime === null) throw new Error("setThreads: this engine has no WebAssembly SIMD, so there are no wasm kernels to run on threads");
  // Chromium makes a shared WebAssembly.Memory even on a page that is not cross-origin isolated,
  // but will not post it to a worker: crossOriginIsolated is what decides.
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (!runtime.shared || typeof SharedArrayBuffer !== "function" || isolated === false) {
    throw new Error(
      "setThreads: worker threads cannot share the wasm kernels' memory here: this engine has no SharedArrayBuffer or shared WebAssembly.Memory " +
      "(in a browser the page must be cross-origin isolated, crossOriginIsolated === true: served with Cross-Origin-Opener-Policy: same-origin " +
      "and Cross-Origin-Embedder-Policy: require-corp)",
    );
  }
  if (!threadCanWait()) {
    throw new Error("setThreads: this thread cannot block in Atomics.wait (a browser's main thread): call setThreads and train inside a Web Worker");
  }
  const host = workers ?? browserWorkers();
  if (host === null) {
    throw new Error('setThreads: this engine has no Web Worker; in Node pass the worker_threads host: setThreads(n, { workers: nodeWorkers }) with nodeWorkers from "@nn/tensor/node"');
  }
  if (count > host.available) {
    throw new RangeError(`setThreads: count must be at most ${host.available}, the threads this machine runs at once, got ${count}`);
  }
  const current = runtime.threads;
  if (current !== null && current.threads === count && current.host === host) return current.ready;
  const stopped = stopPool(runtime);
  const pool = new GemmPool(runtime.memory, host, count);
  runtime.threads = pool;
  return Promise.all([stopped, pool.ready]).then(() => undefined);
}

/** Detaches the pool at once; settles when its workers have exited. */
function stopPool(runtime: WasmRuntime): Promise<void> {
  const pool = runtime.threads;
  runtime.threads = null;
  return pool === null ? Promise.resolve() : pool.stop();
}

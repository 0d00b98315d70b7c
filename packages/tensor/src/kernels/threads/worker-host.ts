import { type GemmWorkerInit, type GemmWorkerMessage, gemmWorkerSource } from "./gemm-worker-source.js";

/** One started pool worker, as the pool sees it. */
export interface PoolWorker {
  /** Ends the worker (after the pool has told it to stop through the control block); settles once it has exited, where the platform says. */
  stop(): void | Promise<unknown>;
}

/**
 * How a platform starts the pool's workers: a browser's `Worker` (`browserWorkers()`, the
 * default) or Node's worker_threads (`nodeWorkers` from "@nn/tensor/node"). `setThreads` takes
 * one as its `workers` option.
 */
export interface WorkerHost {
  /** Threads this machine runs at once (Node: os.availableParallelism(); a browser: navigator.hardwareConcurrency). */
  readonly available: number;
  /**
   * Starts a worker running gemmWorkerSource for this platform with `init`, and calls `onMessage`
   * with what it posts (once: "ready", or why it failed). A worker must not keep a program
   * alive once it is ready (Node: `unref`).
   */
  spawn(init: GemmWorkerInit, onMessage: (message: GemmWorkerMessage) => void): PoolWorker;
}

/** The part of a browser's Worker the pool uses (the library is typed without the DOM). */
interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: GemmWorkerMessage }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

interface BrowserGlobals {
  Worker?: new (url: string) => BrowserWorker;
  navigator?: { hardwareConcurrency?: number };
}

/**
 * Web Workers started from a Blob URL of the worker's source, or null where the engine has no
 * `Worker` (Node: use `nodeWorkers` from "@nn/tensor/node"). Browsers also allow this only on a
 * cross-origin-isolated page, since the kernels' memory is a SharedArrayBuffer (`setThreads`
 * checks that first).
 */
export function browserWorkers(): WorkerHost | null {
  const globals = globalThis as BrowserGlobals;
  const WorkerClass = globals.Worker;
  if (typeof WorkerClass !== "function" || typeof Blob !== "function" || typeof URL.createObjectURL !== "function") return null;
  let url: string | undefined;
  return {
    available: globals.navigator?.hardwareConcurrency ?? 1,
    spawn(init, onMessage) {
      url ??= URL.createObjectURL(new Blob([gemmWorkerSource("browser")], { type: "text/javascript" }));
      const worker = new WorkerClass(url);
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => onMessage({ failed: event.message ?? "the worker could not start" });
      worker.postMessage(init);
      return { stop: () => worker.terminate() };
    },
  };
}

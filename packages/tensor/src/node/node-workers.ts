import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type GemmWorkerMessage, gemmWorkerSource } from "../kernels/threads/gemm-worker-source.js";
import type { WorkerHost } from "../kernels/threads/worker-host.js";

/**
 * The worker pool's host in Node: worker_threads started from the worker's source
 * (`eval: true`), so nothing beside the bundle has to be found on disk. A worker holds the
 * process open only while it starts; once ready it is `unref`ed, so a program that enabled
 * threads exits when its own work is done (the workers are blocked in Atomics.wait, at no CPU).
 */
export const nodeWorkers: WorkerHost = {
  available: availableParallelism(),
  spawn(init, onMessage) {
    const worker = new Worker(gemmWorkerSource("node"), { eval: true, workerData: init });
    worker.once("message", (message: GemmWorkerMessage) => {
      worker.unref();
      onMessage(message);
    });
    worker.once("error", (error) => {
      worker.unref();
      onMessage({ failed: error.message });
    });
    return { stop: () => worker.terminate() };
  },
};

// The page of the threads check (run-threads-page.ts): setThreads on the main thread (which must
// refuse), then the product in a Web Worker; both results are posted to the test's server.
import { setThreads } from "@nn/tensor";
import type { ThreadsWorkerResult } from "./threads-worker-entry.js";

interface PageScope {
  Worker: new (url: string) => { onmessage: ((event: { data: ThreadsWorkerResult }) => void) | null; postMessage(message: unknown): void };
  fetch(url: string, init: { method: string; body: string }): Promise<unknown>;
}

const scope = globalThis as unknown as PageScope;
let mainThread: string;
try {
  void setThreads(2);
  mainThread = "accepted";
} catch (error) {
  mainThread = error instanceof Error ? error.message : String(error);
}
const worker = new scope.Worker("worker.js");
worker.onmessage = (event) => void scope.fetch("/result", { method: "POST", body: JSON.stringify({ mainThread, worker: event.data }) });
worker.postMessage("start");

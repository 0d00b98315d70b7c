import { parentPort, workerData } from "node:worker_threads";
import { UsageError } from "../args/usage-error.js";
import { createSession } from "./create-session.js";
import { firstLine } from "./load-data.js";
import type { TrainingSession } from "./training-session.js";
import type { FromWorker, ToWorker, WorkerInit } from "./worker-protocol.js";

// The live screen's training thread: runs a TrainingSession unchanged and reports to the screen
// (WorkerSession) at a bounded rate, so drawing on the main thread never takes time from training.

if (parentPort === null) throw new Error("training-worker.js runs only as a worker thread (new Worker(...))");
const port = parentPort;
const init = workerData as WorkerInit;
const send = (message: FromWorker): void => init.reports.postMessage(message);
const pauseAck = new Int32Array(init.pauseAck);

let session: TrainingSession | undefined;
try {
  session = createSession(init.options, { onFinish: () => report() });
} catch (error) {
  send({ type: "init-failed", usage: error instanceof UsageError, message: firstLine(error) });
  init.reports.close();
  port.close();
}

let generation = 0;
let fieldKey = "";

/** Posts the state and the points since the last post, with a map when one is asked for and the model changed. */
function report(fieldSize?: { cols: number; rows: number }): void {
  if (session === undefined) return;
  const snapshot = session.snapshot();
  let field;
  if (fieldSize !== undefined) {
    const key = `${fieldSize.cols}x${fieldSize.rows}:${snapshot.seed}:${snapshot.epoch}`;
    if (key !== fieldKey) {
      fieldKey = key;
      field = session.decisionField(fieldSize.cols, fieldSize.rows);
    }
  }
  send({ type: "snapshot", generation, snapshot, ...session.timing(), ...(field !== undefined ? { field } : {}) });
}

function reply(id: number, work: Promise<string | undefined>): void {
  work.then(
    (path) => send({ type: "reply", id, ...(path !== undefined ? { path } : {}) }),
    (error: unknown) => send({ type: "reply", id, error: firstLine(error) }),
  );
}

if (session !== undefined) {
  const run = session;
  send({ type: "ready", description: run.description, twoD: run.twoD, snapshot: run.snapshot() });
  port.on("message", (message: ToWorker) => {
    switch (message.type) {
      case "pause":
        run.pause();
        report();
        Atomics.store(pauseAck, 0, message.seq);
        Atomics.notify(pauseAck, 0);
        break;
      case "resume": run.resume(); break;
      case "step": run.step(); report(); break;
      case "set-lr": run.setLr(message.lr); report(); break;
      case "restart":
        generation = message.generation;
        run.restart(message.seed);
        report();
        break;
      // One map per screen frame, as asked: computing one per post would take time from training.
      case "field": report({ cols: message.cols, rows: message.rows }); break;
      case "save": reply(message.id, run.save()); break;
      case "stop":
        // The last snapshot first (messages keep their order), so the screen ends on the final epoch.
        reply(message.id, run.stop().finally(() => report()));
        break;
    }
  });
  setInterval(() => report(), init.postEveryMs);
  run.start();
}

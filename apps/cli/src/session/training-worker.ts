import { parentPort, workerData } from "node:worker_threads";
import type { TrainingDriver } from "@nn/studio";
import { UsageError } from "../args/usage-error.js";
import { dataName, DEFAULT_SAVE_PATH, saveDriver } from "./cli-driver.js";
import { describeRun } from "./describe-run.js";
import { FramePacer } from "./frame-pacer.js";
import { firstLine } from "./load-data.js";
import { createWatchedDriver, type WatchedDriver } from "./watched-driver.js";
import type { FromWorker, ToWorker, WorkerInit } from "./worker-protocol.js";

// The live screen's training thread: the studio driver paced by FramePacer, which posts frames to
// the screen (WorkerSession); drawing on the main thread never takes time from training.

if (parentPort === null) throw new Error("training-worker.js runs only as a worker thread (new Worker(...))");
const port = parentPort;
const init = workerData as WorkerInit;
const send = (message: FromWorker): void => port.postMessage(message);

let watched: WatchedDriver | undefined;
try {
  watched = createWatchedDriver(init.options);
} catch (error) {
  send({ type: "init-failed", usage: error instanceof UsageError, message: firstLine(error) });
  port.close();
}

if (watched !== undefined) {
  const run: TrainingDriver = watched.driver;
  let ready = false;
  const pacer = new FramePacer(run, {
    frameMs: init.frameMs,
    stalled: watched.stalled,
    describe: (d) => describeRun(d.setting, d.run, dataName(d)),
    post: (frame) => {
      if (ready) send({ type: "frame", frame });
      else {
        ready = true;
        send({ type: "ready", twoD: run.twoD, frame });
      }
    },
  });
  const reply = (id: number, work: Promise<string | undefined>): void => {
    work.then(
      (path) => send({ type: "reply", id, ...(path !== undefined ? { path } : {}) }),
      (error: unknown) => send({ type: "reply", id, error: firstLine(error) }),
    );
  };
  const savePath = (): string => init.options.save ?? DEFAULT_SAVE_PATH;
  port.on("message", (message: ToWorker) => {
    switch (message.type) {
      case "save":
        reply(message.id, saveDriver(run, init.options, savePath()));
        break;
      case "stop":
        pacer.close();
        reply(message.id, init.options.save !== undefined && run.failure === undefined ? saveDriver(run, init.options, savePath()) : Promise.resolve(undefined));
        break;
      default:
        pacer.handle(message);
    }
  });
  pacer.start();
}

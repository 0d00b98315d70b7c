/// <reference lib="webworker" />
import { TrainingDriver } from "@nn/studio";
import type { FromWorker, ToWorker } from "../protocol.js";
import { FrameClock } from "./frame-clock.js";
import { loadModelFile, modelFile, onnxFile } from "./model-files.js";

// The page's training thread: the studio driver paced by FrameClock. Drawing happens on the main
// thread, so training never takes time from the page and the page never stutters.

declare const self: DedicatedWorkerGlobalScope;
const send = (message: FromWorker, transfer: Transferable[] = []): void => self.postMessage(message, transfer);

// A MessageChannel task runs after pending messages without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const tasks: (() => void)[] = [];
channel.port1.onmessage = () => tasks.shift()?.();
const schedule = (task: () => void): void => {
  tasks.push(task);
  channel.port2.postMessage(0);
};

let driver: TrainingDriver | undefined;
let clock: FrameClock | undefined;

function reply(id: number, work: () => string): void {
  try {
    send({ type: "reply", id, message: work() });
  } catch (error) {
    send({ type: "reply", id, error: error instanceof Error ? error.message.split("\n")[0] : String(error) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "init") {
    try {
      driver = new TrainingDriver(message.setting);
    } catch (error) {
      send({ type: "init-failed", message: error instanceof Error ? error.message.split("\n")[0] : String(error) });
      return;
    }
    driver.pause();
    clock = new FrameClock(driver, message.view, message.speed, { post: (frame) => send({ type: "frame", frame }), schedule });
    clock.start();
    return;
  }
  if (driver === undefined || clock === undefined) return;
  const run = driver;
  const pacer = clock;
  switch (message.type) {
    case "export":
      reply(message.id, () => {
        const file = message.format === "json" ? modelFile(run) : onnxFile(run);
        send({ type: "file", id: message.id, ...file }, [file.bytes.buffer as ArrayBuffer]);
        return `downloaded ${file.name}`;
      });
      break;
    case "load":
      reply(message.id, () => {
        const notice = loadModelFile(run, message.name, message.text);
        pacer.announce(notice);
        return notice;
      });
      break;
    default:
      pacer.handle(message);
  }
};

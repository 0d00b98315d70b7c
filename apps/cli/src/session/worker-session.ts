import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { UsageError } from "../args/usage-error.js";
import type { TrainOptions } from "../args/train-options.js";
import type { EpochPoint, TrainingSnapshot } from "../state/trainer-state.js";
import type { DecisionField } from "../ui/decision-map.js";
import type { RunDescription } from "../ui/Header.js";
import type { SessionController } from "./session-controller.js";
import type { FromWorker, ToWorker, WorkerInit } from "./worker-protocol.js";

/** Next to the built cli.js (tsup builds both entries into the same directory). */
export const TRAINING_WORKER_URL = new URL("./training-worker.js", import.meta.url);

/** Longest a pause key blocks the screen waiting for the worker (which answers within a chunk). */
const PAUSE_WAIT_MS = 500;

export interface WorkerSessionOptions {
  /** The worker entry (default: training-worker.js next to this module's bundle). */
  readonly workerUrl?: URL;
  /** How often the worker posts a snapshot while training (default 50 ms). */
  readonly postEveryMs?: number;
}

/**
 * The live screen's session: a TrainingSession running in a worker thread, so that on a machine
 * with two cores, rendering on the main thread does not take time from training. Keys become
 * messages; the worker posts snapshots at a bounded rate (and right after pause, step, lr,
 * restart and the end of training) and a decision map when the screen asks for one (once a
 * frame, as the in-thread session computes it), and this side keeps the latest and the points not yet drawn.
 */
export class WorkerSession implements SessionController {
  /** None of the training happens on this thread (timing() has the worker's). */
  readonly trainingMs = 0;
  private workerTrainingMs = 0;
  private wallMs = 0;
  private latest: TrainingSnapshot;
  private unread: EpochPoint[] = [];
  private field: DecisionField | undefined;
  private generation = 0;
  private nextId = 0;
  private readonly replies = new Map<number, { resolve: (path: string | undefined) => void; reject: (error: Error) => void }>();
  private exited = false;
  private pauses = 0;
  /** Changes whenever a new map arrives, so the screen fetches it even when the epoch did not move. */
  fieldRevision = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly reports: MessagePort,
    private readonly pauseAck: Int32Array,
    readonly description: RunDescription,
    readonly twoD: boolean,
    first: TrainingSnapshot,
  ) {
    this.latest = first;
    reports.on("message", (message: FromWorker) => this.receive(message));
    worker.on("error", (error) => this.crashed(error.message));
    worker.on("exit", () => this.crashed("the training thread stopped"));
  }

  /** Starts the worker; resolves once it has built the run, rejects (UsageError for bad options) if it cannot. */
  static start(options: TrainOptions, settings: WorkerSessionOptions = {}): Promise<WorkerSession> {
    const channel = new MessageChannel();
    const pauseAck = new SharedArrayBuffer(4);
    const init: WorkerInit = { options, postEveryMs: settings.postEveryMs ?? 50, reports: channel.port2, pauseAck };
    const worker = new Worker(settings.workerUrl ?? TRAINING_WORKER_URL, { workerData: init, transferList: [channel.port2] });
    const reports = channel.port1;
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        worker.off("exit", onExit);
        reports.close();
        reject(error);
      };
      const onExit = (code: number): void => {
        worker.off("error", onError);
        reports.close();
        reject(new Error(`the training thread exited (code ${code}) before it started`));
      };
      worker.once("error", onError);
      worker.once("exit", onExit);
      reports.once("message", (message: FromWorker) => {
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (message.type === "ready") {
          resolve(new WorkerSession(worker, reports, new Int32Array(pauseAck), message.description, message.twoD, message.snapshot));
          return;
        }
        reports.close();
        void worker.terminate();
        if (message.type === "init-failed") reject(message.usage ? new UsageError(message.message) : new Error(message.message));
        else reject(new Error(`the training thread sent ${message.type} before it was ready`));
      });
    });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case "snapshot":
        // Posted before the worker saw the latest restart: the old run's, not to be drawn.
        if (message.generation !== this.generation) return;
        for (const point of message.snapshot.newPoints) this.unread.push(point);
        this.latest = message.snapshot;
        this.wallMs = message.wallMs;
        this.workerTrainingMs = message.trainingMs;
        if (message.field !== undefined) {
          this.field = message.field;
          this.fieldRevision++;
        }
        break;
      case "reply": {
        const pending = this.replies.get(message.id);
        this.replies.delete(message.id);
        if (message.error !== undefined) pending?.reject(new Error(message.error));
        else pending?.resolve(message.path);
        break;
      }
      case "ready":
      case "init-failed":
        break;
    }
  }

  /** The worker died (an uncaught error, or it was terminated): the run has failed; nothing more will come. */
  private crashed(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    if (!this.latest.finished) this.latest = { ...this.latest, finished: true, error: reason };
    for (const pending of this.replies.values()) pending.reject(new Error(reason));
    this.replies.clear();
    this.reports.close();
  }

  private send(message: ToWorker): void {
    if (!this.exited) this.worker.postMessage(message);
  }

  private request(type: "save" | "stop"): Promise<string | undefined> {
    if (this.exited) return Promise.reject(new Error("the training thread has stopped"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      this.send({ type, id });
    });
  }

  get epoch(): number {
    return this.latest.epoch;
  }

  get failure(): Error | undefined {
    return this.latest.error === undefined ? undefined : new Error(this.latest.error);
  }

  timing(): { wallMs: number; trainingMs: number } {
    return { wallMs: this.wallMs, trainingMs: this.workerTrainingMs };
  }

  snapshot(): TrainingSnapshot {
    const newPoints = this.unread;
    this.unread = [];
    return { ...this.latest, newPoints };
  }

  decisionField(cols: number, rows: number): DecisionField | undefined {
    if (!this.twoD || cols <= 0 || rows <= 0) return undefined;
    this.send({ type: "field", cols, rows });
    return this.field?.cols === cols && this.field.rows === rows ? this.field : undefined;
  }

  /**
   * Waits (a few milliseconds: the worker checks for messages between 15 ms chunks) until the
   * worker has paused, then takes its reports so far, so the screen shows PAUSED at the epoch
   * training stopped at, not one that later reports would move on from.
   */
  pause(): void {
    if (this.exited) return;
    const seq = ++this.pauses;
    this.send({ type: "pause", seq });
    const deadline = performance.now() + PAUSE_WAIT_MS;
    for (let acked = Atomics.load(this.pauseAck, 0); acked < seq; acked = Atomics.load(this.pauseAck, 0)) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      Atomics.wait(this.pauseAck, 0, acked, left);
    }
    for (let report = receiveMessageOnPort(this.reports); report !== undefined; report = receiveMessageOnPort(this.reports)) {
      this.receive(report.message as FromWorker);
    }
  }

  resume(): void {
    this.send({ type: "resume" });
  }

  step(): void {
    this.send({ type: "step" });
  }

  setLr(lr: number): void {
    this.send({ type: "set-lr", lr });
  }

  restart(seed: number): void {
    this.generation++;
    this.unread = [];
    this.send({ type: "restart", seed, generation: this.generation });
  }

  async save(): Promise<string> {
    const path = await this.request("save");
    if (path === undefined) throw new Error("the training thread saved nothing");
    return path;
  }

  /** Stops training (saving first with --save), then ends the worker so the process can exit. */
  async stop(): Promise<string | undefined> {
    if (this.exited) return undefined;
    try {
      return await this.request("stop");
    } finally {
      this.exited = true;
      this.reports.close();
      await this.worker.terminate();
    }
  }
}

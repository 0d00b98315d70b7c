import { Worker } from "node:worker_threads";
import { UsageError } from "../args/usage-error.js";
import type { TrainOptions } from "../args/train-options.js";
import type { LiveSession } from "./live-session.js";
import type { Command, Frame, FromWorker, ToWorker, WorkerInit } from "./worker-protocol.js";

/** Next to the built cli.js (tsup builds both entries into the same directory). */
export const TRAINING_WORKER_URL = new URL("./training-worker.js", import.meta.url);

export interface WorkerSessionOptions {
  /** The worker entry (default: training-worker.js next to this module's bundle). */
  readonly workerUrl?: URL;
  /** Milliseconds between frames while training (default 83: 12 a second). */
  readonly frameMs?: number;
}

/**
 * The screen's end of the training worker: commands go out as messages, frames come in and go to
 * the listener, save and stop are requests with replies. Nothing here waits: the screen thread
 * never blocks on the worker.
 */
export class WorkerSession implements LiveSession {
  private listener: ((frame: Frame) => void) | undefined;
  private nextId = 0;
  private readonly replies = new Map<number, { resolve: (path: string | undefined) => void; reject: (error: Error) => void }>();
  private exited = false;
  private last: Frame;

  private constructor(private readonly worker: Worker, readonly twoD: boolean, first: Frame) {
    this.last = first;
    worker.on("message", (message: FromWorker) => this.receive(message));
    worker.on("error", (error) => this.crashed(error.message));
    worker.on("exit", () => this.crashed("the training thread stopped"));
  }

  /** Starts the worker; resolves with its first frame, rejects (UsageError for bad options) if it cannot build the run. */
  static start(options: TrainOptions, settings: WorkerSessionOptions = {}): Promise<WorkerSession> {
    const init: WorkerInit = { options, frameMs: settings.frameMs ?? 83 };
    const worker = new Worker(settings.workerUrl ?? TRAINING_WORKER_URL, { workerData: init });
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        worker.off("exit", onExit);
        reject(error);
      };
      const onExit = (code: number): void => {
        worker.off("error", onError);
        reject(new Error(`the training thread exited (code ${code}) before it started`));
      };
      worker.once("error", onError);
      worker.once("exit", onExit);
      worker.once("message", (message: FromWorker) => {
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (message.type === "ready") {
          resolve(new WorkerSession(worker, message.twoD, message.frame));
          return;
        }
        void worker.terminate();
        if (message.type === "init-failed") reject(message.usage ? new UsageError(message.message) : new Error(message.message));
        else reject(new Error(`the training thread sent ${message.type} before it was ready`));
      });
    });
  }

  get first(): Frame {
    return this.last;
  }

  /** The latest frame's epoch (for the summary line after the screen closes). */
  get epoch(): number {
    return this.last.epoch;
  }

  get failure(): Error | undefined {
    return this.last.error === undefined ? undefined : new Error(this.last.error);
  }

  /** Wall time, time in training steps, and frames the worker sent (each drawn before the next is sent). */
  timing(): { wallMs: number; trainingMs: number; frames: number } {
    return { wallMs: this.last.wallMs, trainingMs: this.last.trainingMs, frames: this.last.seq };
  }

  onFrame(listener: (frame: Frame) => void): () => void {
    this.listener = listener;
    return () => {
      if (this.listener === listener) this.listener = undefined;
    };
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case "frame":
        this.last = message.frame;
        this.listener?.(message.frame);
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
    if (this.last.status !== "done" && this.last.status !== "failed") {
      this.last = { ...this.last, status: "failed", error: reason };
      this.listener?.(this.last);
    }
    for (const pending of this.replies.values()) pending.reject(new Error(reason));
    this.replies.clear();
  }

  send(command: Command): void {
    if (!this.exited) this.worker.postMessage(command satisfies ToWorker);
  }

  private request(type: "save" | "stop"): Promise<string | undefined> {
    if (this.exited) return Promise.reject(new Error("the training thread has stopped"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      this.worker.postMessage({ type, id } satisfies ToWorker);
    });
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
      await this.worker.terminate();
    }
  }
}

import type { MessagePort } from "node:worker_threads";
import type { TrainOptions } from "../args/train-options.js";
import type { TrainingSnapshot } from "../state/trainer-state.js";
import type { DecisionField } from "../ui/decision-map.js";
import type { RunDescription } from "../ui/Header.js";

// The messages between the screen (main thread) and the training worker. Everything here crosses
// the thread boundary by structured clone: plain objects, arrays and typed arrays only.

/** What the worker is started with (`workerData`). */
export interface WorkerInit {
  readonly options: TrainOptions;
  /** How often the worker posts a snapshot while training runs. */
  readonly postEveryMs: number;
  /** Where the worker posts everything (FromWorker), in order: the screen can also read it synchronously. */
  readonly reports: MessagePort;
  /** Int32Array over it: [0] is the number of the last pause the worker has carried out and reported. */
  readonly pauseAck: SharedArrayBuffer;
}

export type ToWorker =
  /** `seq` numbers pauses: the worker writes it to `pauseAck` once paused and reported. */
  | { readonly type: "pause"; readonly seq: number }
  | { readonly type: "resume" | "step" }
  | { readonly type: "set-lr"; readonly lr: number }
  /** `generation` tags every snapshot of the new run, so the screen can drop the old run's. */
  | { readonly type: "restart"; readonly seed: number; readonly generation: number }
  /** The screen wants a map of this size: the worker posts one unless the model has not changed since the last. */
  | { readonly type: "field"; readonly cols: number; readonly rows: number }
  | { readonly type: "save" | "stop"; readonly id: number };

export type FromWorker =
  | { readonly type: "ready"; readonly description: RunDescription; readonly twoD: boolean; readonly snapshot: TrainingSnapshot }
  /** The options could not build a run; `usage` says whether it is the caller's mistake (exit 2). */
  | { readonly type: "init-failed"; readonly usage: boolean; readonly message: string }
  | {
      readonly type: "snapshot";
      readonly generation: number;
      readonly snapshot: TrainingSnapshot;
      readonly wallMs: number;
      readonly trainingMs: number;
      readonly field?: DecisionField;
    }
  | { readonly type: "reply"; readonly id: number; readonly path?: string; readonly error?: string };

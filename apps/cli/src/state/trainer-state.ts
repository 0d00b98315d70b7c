import type { Setting } from "@nn/studio";
import type { Command, Frame } from "../session/worker-protocol.js";

/** One point of the plain reporter: an epoch's train and validation numbers. */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
}

export type { LayerNorm } from "@nn/studio";

export type RunStatus = "running" | "paused" | "done" | "failed" | "quitting";

/** Something the screen must do outside the reducer: a command to the worker, a save, quitting. */
export type ScreenEffect =
  | { readonly type: "command"; readonly command: Command }
  | { readonly type: "save" }
  | { readonly type: "quit" };

/** The settings panel: the setting being edited (applied with Enter) and the selected row. */
export interface SettingsPanel {
  readonly draft: Setting;
  readonly row: number;
}

export interface ScreenState {
  /** The worker's latest frame: everything about the run. */
  readonly frame: Frame;
  readonly quitting: boolean;
  readonly logScale: boolean;
  readonly showHelp: boolean;
  /** The body shows the charts or the network (every neuron's map). */
  readonly view: "charts" | "network";
  readonly panel?: SettingsPanel;
  /** A one-line notice at the bottom (saved to …, lr changed, error). */
  readonly notice?: string;
  /** Effects not yet carried out, numbered so the App runs each once. */
  readonly effects: readonly ScreenEffect[];
  readonly effectsSeq: number;
}

export function initialScreenState(frame: Frame): ScreenState {
  return { frame, quitting: false, logScale: false, showHelp: false, view: "charts", effects: [], effectsSeq: 0 };
}

export function runStatus(state: ScreenState): RunStatus {
  return state.quitting ? "quitting" : state.frame.status;
}

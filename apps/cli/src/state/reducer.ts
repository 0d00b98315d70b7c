import { SETTING_FIELDS } from "@nn/studio";
import type { Command } from "../session/worker-protocol.js";
import { formatLr } from "../ui/format-lr.js";
import { stepSetting } from "./setting-steps.js";
import { initialScreenState, type ScreenEffect, type ScreenState } from "./trainer-state.js";

export interface KeyPress {
  readonly input: string;
  readonly ctrl?: boolean;
  readonly escape?: boolean;
  readonly return?: boolean;
  readonly tab?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
}

export type ScreenAction =
  | ({ readonly type: "key" } & KeyPress)
  | { readonly type: "frame"; readonly frame: ScreenState["frame"] }
  | { readonly type: "notice"; readonly text: string }
  /** The App carried out the effects up to `seq`. */
  | { readonly type: "effects-done"; readonly seq: number };

export { initialScreenState };

/** The screen's state machine, pure: frames from the worker and keys in, effects out (in `effects`). */
export function reduce(state: ScreenState, action: ScreenAction): ScreenState {
  switch (action.type) {
    case "frame":
      return {
        ...state,
        frame: action.frame,
        ...(action.frame.notice !== undefined ? { notice: action.frame.notice } : {}),
        // A failed run, or one that ended stalled at chance level (DONE, with the reason).
        ...(action.frame.error !== undefined ? { notice: action.frame.error } : {}),
      };
    case "notice":
      return { ...state, notice: action.text };
    case "effects-done":
      return action.seq === state.effectsSeq ? { ...state, effects: [] } : state;
    case "key":
      // Keys typed faster than the screen reads them arrive together (">>>"): one at a time.
      if (action.input.length > 1 && /^[\x20-\x7e]+$/.test(action.input) && action.ctrl !== true) {
        return [...action.input].reduce((s, input) => reduceKey(s, { ...action, input }), state);
      }
      return reduceKey(state, action);
  }
}

function emit(state: ScreenState, patch: Partial<ScreenState>, ...effects: ScreenEffect[]): ScreenState {
  return { ...state, ...patch, effects: [...state.effects, ...effects], effectsSeq: state.effectsSeq + (effects.length > 0 ? 1 : 0) };
}

const command = (c: Command): ScreenEffect => ({ type: "command", command: c });

function reduceKey(state: ScreenState, key: KeyPress): ScreenState {
  const input = key.input;
  if (key.ctrl === true && input === "c") return emit(state, { quitting: true }, { type: "quit" });
  if (state.quitting) return state;
  if (state.panel !== undefined) return reducePanelKey(state, key);
  if (state.showHelp && (key.escape === true || input === "?")) return { ...state, showHelp: false };
  const frame = state.frame;
  const status = frame.status;
  switch (input) {
    case "q":
      return emit(state, { quitting: true }, { type: "quit" });
    case "?":
      return { ...state, showHelp: !state.showHelp };
    case "l":
      return { ...state, logScale: !state.logScale, notice: state.logScale ? "linear loss scale" : "log loss scale" };
    case "v":
      return { ...state, view: state.view === "charts" ? "network" : "charts", notice: state.view === "charts" ? "network: every neuron's output" : "charts" };
    case "e":
      return { ...state, showHelp: false, panel: { draft: frame.setting, row: 0 }, notice: "settings: ↑↓ choose, ←→ change, Enter applies, Esc cancels" };
    case "s":
      return emit(state, { notice: "saving…" }, { type: "save" });
    case " ":
      if (status === "failed") return state;
      return emit(state, {
        notice: status === "running" ? "paused: n steps one epoch, space resumes" : status === "done" ? "training on past the epoch count: space pauses" : "resumed",
      }, command({ type: "toggle" }));
    case "n":
      if (status !== "paused" && status !== "done") return { ...state, notice: "n steps while paused (press space first)" };
      return emit(state, {}, command({ type: "step" }));
    case "+":
    case "=":
    case "-":
    case "_":
      // Relative, so two quick presses double twice: the worker holds the rate and says what it did.
      return emit(state, {}, command({ type: "scale-lr", factor: input === "+" || input === "=" ? 2 : 0.5 }));
    case ">":
    case ".":
    case "<":
    case ",": {
      const faster = input === ">" || input === ".";
      return emit(state, {}, command({ type: "speed", delta: faster ? 1 : -1 }));
    }
    case "r":
      return emit(state, { notice: `restarted with seed ${frame.seed + 1} (learning rate ${formatLr(frame.lr)} kept)` }, command({ type: "restart" }));
    default:
      return state;
  }
}

function reducePanelKey(state: ScreenState, key: KeyPress): ScreenState {
  const panel = state.panel!;
  const rows = SETTING_FIELDS.length;
  if (key.escape === true || key.input === "e") return { ...state, panel: undefined, notice: "settings closed, nothing changed" };
  if (key.upArrow === true || key.input === "k") return { ...state, panel: { ...panel, row: (panel.row + rows - 1) % rows } };
  if (key.downArrow === true || key.input === "j" || key.tab === true) return { ...state, panel: { ...panel, row: (panel.row + 1) % rows } };
  if (key.leftArrow === true || key.rightArrow === true || key.input === "h" || key.input === "l") {
    const dir = key.rightArrow === true || key.input === "l" ? 1 : -1;
    return { ...state, panel: { ...panel, draft: stepSetting(panel.draft, SETTING_FIELDS[panel.row].key, dir) } };
  }
  if (key.return === true) {
    return emit(state, { panel: undefined, notice: "applying…" }, command({ type: "apply", setting: panel.draft }));
  }
  return state;
}

export { formatLr } from "../ui/format-lr.js";

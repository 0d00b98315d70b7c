import { HISTORY_LIMIT, initialTrainerState, type EpochPoint, type TrainerState, type TrainingSnapshot } from "./trainer-state.js";

/** Something the session must do in response to a key (the reducer itself stays pure). */
export type SessionEffect =
  | { readonly type: "pause" }
  | { readonly type: "resume" }
  | { readonly type: "step" }
  | { readonly type: "set-lr"; readonly lr: number }
  | { readonly type: "restart"; readonly seed: number }
  | { readonly type: "save" }
  | { readonly type: "quit" };

export type TrainerAction =
  | { readonly type: "key"; readonly input: string; readonly ctrl?: boolean; readonly escape?: boolean; readonly now: number }
  | { readonly type: "snapshot"; readonly snapshot: TrainingSnapshot; readonly now: number }
  | { readonly type: "notice"; readonly text: string };

export interface Reduction {
  readonly state: TrainerState;
  readonly effects: readonly SessionEffect[];
}

/** Learning rates the +/- keys can reach; beyond them a key does nothing but say so. */
export const MIN_LR = 1e-8;
export const MAX_LR = 100;

/** The key map, pure: state + key → new state + what the session must do. */
export function reduce(state: TrainerState, action: TrainerAction): Reduction {
  switch (action.type) {
    case "snapshot":
      return { state: applySnapshot(state, action.snapshot, action.now), effects: [] };
    case "notice":
      return { state: { ...state, notice: action.text }, effects: [] };
    case "key":
      return reduceKey(state, action.input, action.ctrl === true, action.escape === true, action.now);
  }
}

function reduceKey(state: TrainerState, input: string, ctrl: boolean, escape: boolean, now: number): Reduction {
  const none = { state, effects: [] };
  if (ctrl && input === "c") return { state: { ...state, status: "quitting" }, effects: [{ type: "quit" }] };
  if (state.status === "quitting") return none;
  if (state.showHelp && (escape || input === "?")) return { state: { ...state, showHelp: false }, effects: [] };
  const finished = state.status === "done" || state.status === "failed";
  switch (input) {
    case "q":
      return { state: { ...state, status: "quitting" }, effects: [{ type: "quit" }] };
    case "?":
      return { state: { ...state, showHelp: !state.showHelp }, effects: [] };
    case "l":
      return { state: { ...state, logScale: !state.logScale, notice: state.logScale ? "linear loss scale" : "log loss scale" }, effects: [] };
    case "s":
      return { state: { ...state, notice: "saving…" }, effects: [{ type: "save" }] };
    case " ":
      if (finished) return none;
      if (state.status === "paused") {
        const pausedMs = state.pausedMs + (state.pausedAt === undefined ? 0 : now - state.pausedAt);
        return { state: { ...state, status: "running", pausedMs, pausedAt: undefined, notice: "resumed" }, effects: [{ type: "resume" }] };
      }
      return { state: { ...state, status: "paused", pausedAt: now, notice: "paused: n steps one epoch, space resumes" }, effects: [{ type: "pause" }] };
    case "n":
      if (state.status !== "paused") return { state: { ...state, notice: "n steps while paused (press space first)" }, effects: [] };
      return { state, effects: [{ type: "step" }] };
    case "+":
    case "=":
    case "-":
    case "_": {
      const up = input === "+" || input === "=";
      const lr = up ? state.lr * 2 : state.lr / 2;
      if (lr < MIN_LR || lr > MAX_LR) return { state: { ...state, notice: `learning rate stays ${formatLr(state.lr)} (limits ${MIN_LR}…${MAX_LR})` }, effects: [] };
      return { state: { ...state, lr, notice: `learning rate ${formatLr(state.lr)} → ${formatLr(lr)}` }, effects: [{ type: "set-lr", lr }] };
    }
    case "r": {
      const seed = state.seed + 1;
      const fresh = initialTrainerState({ totalEpochs: state.totalEpochs, lr: state.lr, seed, now });
      return {
        state: { ...fresh, logScale: state.logScale, notice: `restarted with seed ${seed}` },
        effects: [{ type: "restart", seed }],
      };
    }
    default:
      return none;
  }
}

function applySnapshot(state: TrainerState, snap: TrainingSnapshot, now: number): TrainerState {
  // A snapshot from before a restart (old seed) must not leak into the new run's charts.
  if (snap.seed !== state.seed) return state;
  const history = appendThinned(state.history, state.historyStride, snap.newPoints);
  const status = snap.error !== undefined ? "failed" : snap.finished ? "done" : state.status;
  return {
    ...state,
    epoch: snap.epoch,
    totalEpochs: snap.totalEpochs,
    lr: snap.lr,
    samplesPerSecond: snap.samplesPerSecond,
    layerNorms: snap.layerNorms,
    history: history.points,
    historyStride: history.stride,
    latest: snap.newPoints.length > 0 ? snap.newPoints[snap.newPoints.length - 1] : state.latest,
    status: state.status === "quitting" ? "quitting" : status,
    ...(snap.error !== undefined ? { error: snap.error, notice: snap.error } : {}),
    ...(status === "done" && state.status !== "done" ? { notice: "done: s saves, q quits", pausedAt: now } : {}),
  };
}

/**
 * Keeps the chart history bounded: when it would exceed HISTORY_LIMIT points, every second point is
 * dropped and the stride doubles, so a 100 000-epoch run draws as fast as a 2 000-epoch one.
 */
export function appendThinned(
  points: readonly EpochPoint[],
  stride: number,
  incoming: readonly EpochPoint[],
): { points: EpochPoint[]; stride: number } {
  let out = points.slice();
  let s = stride;
  for (const p of incoming) {
    if (p.epoch % s !== 0 && p.epoch !== 1) continue;
    out.push(p);
    if (out.length > HISTORY_LIMIT) {
      s *= 2;
      out = out.filter((q) => q.epoch % s === 0 || q.epoch === 1);
    }
  }
  return { points: out, stride: s };
}

export function formatLr(lr: number): string {
  return lr >= 1e-3 && lr < 1e4 ? String(Number(lr.toPrecision(4))) : lr.toExponential(2);
}

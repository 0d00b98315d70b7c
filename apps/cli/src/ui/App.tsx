import { Box, Text, useApp, useInput, useStdin } from "ink";
import { performance } from "node:perf_hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import { AccuracyChart } from "./AccuracyChart.js";
import { DecisionMap } from "./DecisionMap.js";
import { GradientBars } from "./GradientBars.js";
import { Header } from "./Header.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { LossChart } from "./LossChart.js";
import { ProgressBar } from "./ProgressBar.js";
import { computeLayout } from "./layout.js";
import { useTerminalSize, type TerminalSize } from "./use-terminal-size.js";
import type { DecisionField } from "./decision-map.js";
import type { SessionController } from "../session/session-controller.js";
import { formatLr, reduce, type SessionEffect, type TrainerAction } from "../state/reducer.js";
import { initialTrainerState, type EpochPoint, type RunStatus, type TrainerState } from "../state/trainer-state.js";

export interface AppProps {
  readonly session: SessionController;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  readonly size?: TerminalSize;
  /** Millisecond clock for the ETA. */
  readonly now?: () => number;
  /** Screen refresh interval: training reports are sampled this often, never per batch. */
  readonly refreshMs?: number;
  /** Called once, after q / Ctrl-C has stopped (and maybe saved) the run. */
  readonly onExit?: (outcome: { status: RunStatus; savedTo?: string; error?: string }) => void;
  /** Quit by itself when training ends (no keyboard to press q with: stdin is not a terminal). */
  readonly exitWhenDone?: boolean;
}

const KEY_HINT = "space pause  n step  +/- lr  l log  r restart  s save  q quit  ? help";

/** The live trainer: a pure function of TrainerState, fed by the session at a bounded rate. */
export function App({ session, size, now = Date.now, refreshMs = 80, onExit, exitWhenDone = false }: AppProps) {
  const terminal = useTerminalSize();
  const { columns, rows } = size ?? terminal;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();

  const initial = useRef<TrainerState | undefined>(undefined);
  if (initial.current === undefined) {
    const first = session.snapshot();
    const blank = initialTrainerState({ totalEpochs: first.totalEpochs, lr: first.lr, seed: first.seed, now: now() });
    initial.current = reduce(blank, { type: "snapshot", snapshot: first, now: now() }).state;
  }
  // The ref holds the truth (key handlers see it at once: no pause race); the state triggers renders.
  const stateRef = useRef<TrainerState>(initial.current);
  const [state, setState] = useState<TrainerState>(initial.current);
  const fieldRef = useRef<DecisionField | undefined>(undefined);
  const [, setFieldVersion] = useState(0);
  const exiting = useRef(false);

  const layout = computeLayout(columns, rows, { twoD: session.twoD, layers: Math.max(1, state.layerNorms.length) });

  const runEffect = useCallback(
    (effect: SessionEffect): void => {
      switch (effect.type) {
        case "pause": session.pause(); break;
        case "resume": session.resume(); break;
        case "step": session.step(); break;
        case "set-lr": session.setLr(effect.lr); break;
        case "restart": session.restart(effect.seed); break;
        case "save":
          session.save().then(
            (path) => dispatch({ type: "notice", text: `saved to ${path}` }),
            (error: unknown) => dispatch({ type: "notice", text: `save failed: ${error instanceof Error ? error.message : String(error)}` }),
          );
          break;
        case "quit":
          if (exiting.current) break;
          exiting.current = true;
          session.stop().then(
            (savedTo) => {
              const s = stateRef.current;
              onExit?.({ status: s.status, ...(savedTo !== undefined ? { savedTo } : {}), ...(s.error !== undefined ? { error: s.error } : {}) });
              exit();
            },
            (error: unknown) => {
              onExit?.({ status: "failed", error: `save failed: ${error instanceof Error ? error.message : String(error)}` });
              exit();
            },
          );
          break;
      }
    },
    // dispatch is stable (defined below through refs)
    [session, onExit, exit],
  );

  const dispatch = useCallback(
    (action: TrainerAction): void => {
      const { state: next, effects } = reduce(stateRef.current, action);
      stateRef.current = next;
      setState(next);
      for (const effect of effects) runEffect(effect);
      // Show the session's state right after a key changed it (the epoch it paused at, the
      // stepped epoch), not at the next refresh.
      if (effects.some((e) => e.type === "pause" || e.type === "step" || e.type === "restart")) {
        const fresh = reduce(stateRef.current, { type: "snapshot", snapshot: session.snapshot(), now: now() }).state;
        stateRef.current = fresh;
        setState(fresh);
      }
    },
    [runEffect, session, now],
  );

  useInput(
    (input, key) => dispatch({ type: "key", input, ctrl: key.ctrl, escape: key.escape, now: now() }),
    { isActive: isRawModeSupported === true },
  );

  // The refresh loop: sample the session every refreshMs, however fast training runs. Whatever
  // this thread is busy with between two refreshes, other than training on it, is the screen's
  // cost (React, layout, terminal output, the map); while training runs the next refresh waits 6×
  // that, so drawing takes about a seventh of the thread, even on a slow or busy machine.
  const mapRef = useRef({ cols: 0, rows: 0 });
  mapRef.current = { cols: layout.mapCols, rows: layout.mapRows * 2 };
  useEffect(() => {
    let lastFieldKey = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastActive = performance.eventLoopUtilization().active;
    let lastTraining = session.trainingMs;
    const tick = (): void => {
      const snapshot = session.snapshot();
      const s = stateRef.current;
      const changed =
        snapshot.newPoints.length > 0 || snapshot.epoch !== s.epoch || snapshot.seed !== s.seed || snapshot.lr !== s.lr ||
        snapshot.finished !== (s.status === "done" || s.status === "failed") || snapshot.layerNorms !== s.layerNorms;
      const { cols, rows: pixelRows } = mapRef.current;
      const fieldKey = `${cols}x${pixelRows}:${snapshot.seed}:${snapshot.epoch}:${session.fieldRevision ?? 0}`;
      // One render per refresh at most: the map goes into a ref, the snapshot's state update draws it.
      let fieldChanged = false;
      if (cols > 0 && fieldKey !== lastFieldKey) {
        lastFieldKey = fieldKey;
        fieldRef.current = session.decisionField(cols, pixelRows);
        fieldChanged = true;
      }
      if (changed) dispatch({ type: "snapshot", snapshot, now: now() });
      else if (fieldChanged) setFieldVersion((v) => v + 1);
      const active = performance.eventLoopUtilization().active;
      const training = session.trainingMs;
      const running = stateRef.current.status === "running";
      const screenMs = running ? Math.max(0, active - lastActive - (training - lastTraining)) : 0;
      lastActive = active;
      lastTraining = training;
      timer = setTimeout(tick, Math.min(1000, Math.max(refreshMs, 6 * screenMs)));
    };
    tick();
    return () => clearTimeout(timer);
  }, [session, refreshMs, dispatch, now]);

  const finished = state.status === "done" || state.status === "failed";
  useEffect(() => {
    if (finished && (exitWhenDone || isRawModeSupported !== true)) dispatch({ type: "key", input: "q", now: now() });
  }, [finished, exitWhenDone, isRawModeSupported, dispatch, now]);

  const points: readonly EpochPoint[] =
    state.latest !== undefined && state.history[state.history.length - 1]?.epoch !== state.latest.epoch
      ? [...state.history, state.latest]
      : state.history;
  const etaMs = eta(state, now());
  const notice = state.notice ?? KEY_HINT;

  return (
    <Box flexDirection="column" width={columns}>
      <Header run={session.description} seed={state.seed} lr={formatLr(state.lr)} width={columns} />
      {layout.compact ? (
        <Text dimColor wrap="truncate">
          {`${columns}×${rows}: too small for charts (need 50×16)`}
        </Text>
      ) : state.showHelp ? (
        <Box height={layout.lossHeight + layout.accuracyHeight + 2}>
          <HelpOverlay width={columns} />
        </Box>
      ) : (
        <Box flexDirection="row">
          <Box flexDirection="column" width={layout.leftWidth}>
            <LossChart points={points} width={layout.leftWidth} height={layout.lossHeight} logScale={state.logScale} />
            <AccuracyChart points={points} width={layout.leftWidth} height={layout.accuracyHeight} />
          </Box>
          <Box width={1} />
          <Box flexDirection="column" width={layout.rightWidth}>
            {layout.mapRows > 0 ? <DecisionMap field={fieldRef.current} rows={layout.mapRows} cols={layout.mapCols} /> : null}
            <GradientBars layers={state.layerNorms} width={layout.rightWidth} rows={layout.barsRows} />
          </Box>
        </Box>
      )}
      <ProgressBar
        epoch={state.epoch}
        totalEpochs={state.totalEpochs}
        samplesPerSecond={state.samplesPerSecond}
        etaMs={etaMs}
        status={state.status}
        width={columns}
      />
      <Text dimColor={state.notice === undefined} color={state.status === "failed" ? "red" : undefined} wrap="truncate">
        {notice}
      </Text>
    </Box>
  );
}

/** Time left at the pace so far, pauses excluded. */
function eta(state: TrainerState, nowMs: number): number | undefined {
  if (state.epoch === 0 || state.status === "done" || state.status === "failed") return state.epoch === 0 ? undefined : 0;
  const paused = state.pausedMs + (state.pausedAt !== undefined ? nowMs - state.pausedAt : 0);
  const elapsed = nowMs - state.startedAt - paused;
  return (elapsed / state.epoch) * (state.totalEpochs - state.epoch);
}

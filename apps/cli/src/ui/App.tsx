import { featureLabel } from "@nn/studio";
import { Box, Text, useApp, useInput, useStdin } from "ink";
import { useEffect, useMemo, useReducer } from "react";
import type { LiveSession } from "../session/live-session.js";
import type { Frame } from "../session/worker-protocol.js";
import { formatLr, reduce } from "../state/reducer.js";
import { initialScreenState, runStatus, type RunStatus } from "../state/trainer-state.js";
import { AccuracyChart } from "./AccuracyChart.js";
import { ConfusionMatrix } from "./ConfusionMatrix.js";
import { DecisionMap } from "./DecisionMap.js";
import { GradientBars } from "./GradientBars.js";
import { Header } from "./Header.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { pointsFromHistory } from "./history-points.js";
import { computeLayout } from "./layout.js";
import { LossChart } from "./LossChart.js";
import { NetworkView, NEURON_COLS, NEURON_COLUMN_WIDTH, NEURON_ROWS } from "./NetworkView.js";
import { ProgressBar } from "./ProgressBar.js";
import { SettingsPanel } from "./SettingsPanel.js";
import { useTerminalSize, type TerminalSize } from "./use-terminal-size.js";

export interface AppProps {
  readonly session: LiveSession;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  readonly size?: TerminalSize;
  /** Called once, after q / Ctrl-C has stopped (and maybe saved) the run. */
  readonly onExit?: (outcome: { status: RunStatus; savedTo?: string; error?: string }) => void;
  /** Quit by itself when training ends (no keyboard to press q with: stdin is not a terminal). */
  readonly exitWhenDone?: boolean;
}

const KEY_HINT = "space pause  </> speed  +/- lr  e settings  v network  r restart  s save  q quit  ? help";
const DONE_HINT = "done: space trains on, r restarts, e changes the setting, s saves, q quits";

/**
 * The live trainer: a pure function of the screen state, which the worker's frames and the keys
 * change through one reducer. Frames arrive only while something changes, so a paused or finished
 * run draws nothing and costs nothing.
 */
export function App({ session, size, onExit, exitWhenDone = false }: AppProps) {
  const terminal = useTerminalSize();
  const { columns, rows } = size ?? terminal;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [state, dispatch] = useReducer(reduce, session.first, initialScreenState);
  const frame = state.frame;
  const status = runStatus(state);

  useEffect(() => session.onFrame((f: Frame) => dispatch({ type: "frame", frame: f })), [session]);
  // Frame `seq` is on screen: the worker may send the next one.
  useEffect(() => session.send({ type: "drawn", seq: frame.seq }), [session, frame.seq]);

  // Dense layers of the setting, not of the last report: the layout must not jump at the first epoch.
  // An error (a failed or stalled run) may take two lines at the bottom; the body gives up one.
  const errorRows = frame.error !== undefined && frame.error.length > columns ? 2 : 1;
  const layout = computeLayout(columns, rows - (errorRows - 1), { twoD: session.twoD, layers: frame.setting.layers.length + 1 });
  const network = state.view === "network" && session.twoD && !layout.compact;
  // The network view takes the width its layers need; the map beside it shrinks to what is left.
  const networkWidth = Math.min(columns - 21, Math.max(columns - layout.rightWidth - 1, (frame.setting.layers.length + 2) * NEURON_COLUMN_WIDTH));
  const mapCols = network ? Math.min(layout.mapCols, Math.floor((columns - networkWidth - 1) / 2) * 2) : layout.mapCols;
  const mapRows = network ? mapCols / 2 : layout.mapRows;
  // A regression map gives its last row to the colour legend.
  const mapPixelRows = Math.max(0, frame.setting.problem === "regression" ? mapRows - 1 : mapRows) * 2;
  useEffect(() => {
    session.send({
      type: "view",
      ...(mapCols > 0 ? { map: { cols: mapCols, rows: mapPixelRows } } : {}),
      ...(network ? { neurons: { cols: NEURON_COLS, rows: NEURON_ROWS } } : {}),
    });
  }, [session, mapCols, mapPixelRows, network]);

  // Effects (commands, save, quit) run once each, after the render that asked for them.
  useEffect(() => {
    if (state.effects.length === 0) return;
    const effects = state.effects;
    dispatch({ type: "effects-done", seq: state.effectsSeq });
    for (const effect of effects) {
      switch (effect.type) {
        case "command":
          session.send(effect.command);
          break;
        case "save":
          session.save().then(
            (path) => dispatch({ type: "notice", text: `saved to ${path}` }),
            (error: unknown) => dispatch({ type: "notice", text: `save failed: ${error instanceof Error ? error.message : String(error)}` }),
          );
          break;
        case "quit":
          session.stop().then(
            (savedTo) => {
              onExit?.({ status: frame.status, ...(savedTo !== undefined ? { savedTo } : {}), ...(frame.error !== undefined ? { error: frame.error } : {}) });
              exit();
            },
            (error: unknown) => {
              onExit?.({ status: "failed", error: `save failed: ${error instanceof Error ? error.message : String(error)}` });
              exit();
            },
          );
          break;
      }
    }
  }, [state.effects, state.effectsSeq, session, onExit, exit, frame.status, frame.error]);

  useInput((input, key) => dispatch({ type: "key", input, ctrl: key.ctrl, escape: key.escape, return: key.return, tab: key.tab, upArrow: key.upArrow, downArrow: key.downArrow, leftArrow: key.leftArrow, rightArrow: key.rightArrow }), {
    isActive: isRawModeSupported === true,
  });

  const finished = frame.status === "done" || frame.status === "failed";
  useEffect(() => {
    if (finished && (exitWhenDone || isRawModeSupported !== true)) dispatch({ type: "key", input: "q" });
  }, [finished, exitWhenDone, isRawModeSupported]);

  // A map computed for another size (the worker has not seen the new one yet) is not drawn.
  const field = frame.field?.cols === mapCols && frame.field.rows === mapPixelRows ? frame.field : undefined;
  const values = frame.values?.cols === mapCols && frame.values.rows === mapPixelRows ? frame.values : undefined;
  const regression = frame.setting.problem === "regression";
  const lossTitle = regression ? (frame.setting.l1 > 0 || frame.setting.l2 > 0 ? "MSE + penalty" : "MSE") : "loss";
  const points = useMemo(() => pointsFromHistory(frame.history), [frame.history]);
  const notice = state.notice ?? (frame.status === "done" ? DONE_HINT : KEY_HINT);
  // The speed (and the ramp's ↑) belongs to a run that trains or is paused mid-run, not to one that has ended.
  const training = status === "running" || status === "paused";
  const speed = !training ? undefined : frame.speed === "max" ? "max speed" : `${frame.speed} epoch${frame.speed === 1 ? "" : "s"}/frame${frame.ramping ? " ↑" : ""}`;
  const bodyHeight = layout.lossHeight + layout.accuracyHeight + 2;

  return (
    <Box flexDirection="column" width={columns}>
      <Header run={frame.description} seed={frame.seed} lr={formatLr(frame.lr)} status={status} speed={speed} width={columns} />
      {layout.compact ? (
        <Text dimColor wrap="truncate">
          {`${columns}×${rows}: too small for charts (need 50×16)`}
        </Text>
      ) : state.panel !== undefined ? (
        <Box height={bodyHeight}>
          <SettingsPanel draft={state.panel.draft} current={frame.setting} row={state.panel.row} width={columns} height={bodyHeight} />
        </Box>
      ) : state.showHelp ? (
        <Box height={bodyHeight}>
          <HelpOverlay width={columns} />
        </Box>
      ) : network ? (
        <Box flexDirection="row" height={bodyHeight}>
          <NetworkView network={frame.network} inputNames={inputNames(frame)} width={networkWidth} height={bodyHeight} />
          <Box width={1} />
          <Box flexDirection="column" width={columns - networkWidth - 1}>
            {mapRows > 0 ? <DecisionMap field={field} values={values} regression={regression} rows={mapRows} cols={mapCols} /> : null}
          </Box>
        </Box>
      ) : (
        <Box flexDirection="row">
          <Box flexDirection="column" width={layout.leftWidth}>
            {regression ? (
              // No accuracy to chart: the MSE takes both charts' rows.
              <LossChart points={points} width={layout.leftWidth} height={layout.lossHeight + layout.accuracyHeight + 1} logScale={state.logScale} title={lossTitle} />
            ) : (
              <>
                <LossChart points={points} width={layout.leftWidth} height={layout.lossHeight} logScale={state.logScale} />
                <AccuracyChart points={points} width={layout.leftWidth} height={layout.accuracyHeight} />
              </>
            )}
          </Box>
          <Box width={1} />
          <Box flexDirection="column" width={layout.rightWidth}>
            {layout.mapRows > 0 ? <DecisionMap field={field} values={values} regression={regression} rows={layout.mapRows} cols={layout.mapCols} /> : null}
            {!session.twoD ? <ConfusionMatrix confusion={frame.confusion} width={layout.rightWidth} rows={bodyHeight - layout.barsRows - 1} /> : null}
            <GradientBars layers={frame.layerNorms} width={layout.rightWidth} rows={layout.barsRows} />
          </Box>
        </Box>
      )}
      <ProgressBar
        epoch={frame.epoch}
        totalEpochs={frame.target}
        settingEpochs={frame.setting.epochs}
        samplesPerSecond={frame.samplesPerSecond}
        etaMs={eta(frame)}
        status={status}
        width={columns}
      />
      <Box height={errorRows}>
        <Text dimColor={state.notice === undefined} color={frame.error !== undefined ? "red" : undefined} wrap={errorRows > 1 ? "wrap" : "truncate"}>
          {notice}
        </Text>
      </Box>
    </Box>
  );
}

/** Names of the network's inputs for the network view (x₁ x₂, or the features chosen). */
function inputNames(frame: Frame): string[] {
  return frame.setting.features.map(featureLabel);
}

/** Time left at the pace so far, pauses excluded; none when training goes on without end. */
function eta(frame: Frame): number | undefined {
  if (frame.status === "done" || frame.status === "failed") return 0;
  if (frame.epoch === 0 || !Number.isFinite(frame.target)) return undefined;
  return (frame.activeMs / frame.epoch) * (frame.target - frame.epoch);
}

import { DownsampledHistory, HISTORY_COLUMNS } from "@nn/studio";
import type { Frame } from "../protocol.js";
import { confusionTable } from "./confusion-view.js";
import { drawDecision } from "./decision-view.js";
import { drawNeuron, drawValues } from "./value-view.js";
import type { HoveredNeuron } from "./network-panel.js";
import { h, uniqueId } from "./element.js";
import { drawChart } from "./line-chart.js";
import { NEGATIVE, POSITIVE, type Rgb } from "./palette.js";

const LOSS = HISTORY_COLUMNS.indexOf("loss");
const ACCURACY = HISTORY_COLUMNS.indexOf("accuracy");
const VAL_LOSS = HISTORY_COLUMNS.indexOf("valLoss");
const VAL_ACCURACY = HISTORY_COLUMNS.indexOf("valAccuracy");
const LAYER_COLOURS: readonly Rgb[] = [POSITIVE, NEGATIVE, [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194], [127, 127, 127], [23, 190, 207]];

export interface OutputPanel {
  readonly element: HTMLElement;
  /** The decision map's canvas size in pixels of the model's grid. */
  readonly decisionGrid: { cols: number; rows: number };
  show(frame: Frame): void;
  /** Redraws the last frame (a checkbox changed). */
  redraw(): void;
  /** Shows a neuron's map large in the map's place while the pointer is on it (undefined: the output again). */
  hover(neuron: HoveredNeuron | undefined): void;
}

function canvas(width: number, height: number, label: string, id: string): HTMLCanvasElement {
  return h("canvas", { id, width, height, role: "img", "aria-label": label });
}

function formatLoss(v: number): string {
  return Number.isFinite(v) ? v.toFixed(4) : "–";
}

/**
 * Output: the decision boundary with the data (or a confusion matrix for data that is not 2-D),
 * train and test loss and accuracy, their curves, and every layer's gradient norm over time.
 */
export function outputPanel(): OutputPanel {
  const decision = canvas(320, 320, "decision boundary with the data", "decision");
  const showTestId = uniqueId("show-test"), discretizeId = uniqueId("discretize");
  const showTest = h("input", { type: "checkbox", id: showTestId, name: "show-test", onchange: () => redraw() });
  const discretize = h("input", { type: "checkbox", id: discretizeId, name: "discretize", onchange: () => redraw() });
  const legend = h("p", { class: "legend", id: "value-legend" });
  const mapBox = h("div", { class: "map" }, decision, legend,
    h("div", { class: "map-options" },
      h("label", { for: showTestId }, showTest, " show test data"),
      h("label", { for: discretizeId }, discretize, " discretize output")));
  const confusionBox = h("div", { class: "confusion-box" });
  const numbers = h("dl", { class: "numbers", id: "losses" });
  const lossChart = canvas(320, 130, "training and test loss by epoch", "loss-chart");
  const accuracyChart = canvas(320, 110, "training and test accuracy by epoch", "accuracy-chart");
  const accuracyTitle = h("h3", {}, "Accuracy");
  const lossTitle = h("h3", {}, "Loss");
  const normsChart = canvas(320, 130, "gradient norm of each layer over time", "norms-chart");
  const element = h("section", { class: "panel output", "aria-labelledby": "output-title" },
    h("h2", { id: "output-title" }, "Output"),
    mapBox, confusionBox, numbers,
    lossTitle, lossChart,
    accuracyTitle, accuracyChart,
    h("h3", {}, "Gradient norm per layer (log scale; L1 = first hidden layer)"), normsChart,
  );
  let last: Frame | undefined;
  let lastDecision: Frame["decision"];
  let lastValues: Frame["values"];
  let hovered: HoveredNeuron | undefined;
  let norms: DownsampledHistory | undefined;
  let normsRun = -1;
  let normsEpoch = -1;

  function recordNorms(frame: Frame): void {
    const names = frame.layerNorms.map((l) => l.name);
    if (frame.runId !== normsRun || norms === undefined || norms.columns.join() !== names.join()) {
      normsRun = frame.runId;
      normsEpoch = -1;
      norms = names.length > 0 ? new DownsampledHistory(names, 512) : undefined;
    }
    if (norms !== undefined && frame.epoch > normsEpoch && frame.epoch > 0) {
      norms.push(frame.epoch, frame.layerNorms.map((l) => l.gradNorm));
      normsEpoch = frame.epoch;
    }
  }

  function redraw(): void {
    const frame = last;
    if (frame === undefined) return;
    mapBox.hidden = !frame.twoD;
    const look = { showTest: showTest.checked, discretize: discretize.checked };
    const placed = frame.regression ? lastValues?.placed : lastDecision?.placed;
    if (frame.twoD && hovered !== undefined && placed !== undefined) drawNeuron(decision, hovered.maps, hovered.layer, hovered.unit, placed, output.decisionGrid);
    else if (frame.twoD && frame.regression && lastValues !== undefined) drawValues(decision, lastValues, look);
    else if (frame.twoD && !frame.regression && lastDecision !== undefined) drawDecision(decision, lastDecision, look);
    legend.hidden = hovered === undefined && (!frame.regression || lastValues === undefined);
    if (hovered !== undefined) legend.textContent = hovered.layer === 0 ? `showing input ${hovered.unit + 1} (pointer on the network)` : `showing ${hovered.layer === hovered.maps.layers.length - 1 ? "the output" : `hidden layer ${hovered.layer}`}, neuron ${hovered.unit + 1} (pointer on the network)`;
    else if (lastValues !== undefined) legend.textContent = `colour: output and target, orange −${lastValues.scale} · white 0 · blue +${lastValues.scale}`;
    accuracyTitle.hidden = accuracyChart.hidden = frame.regression;
    lossTitle.textContent = frame.regression ? "Loss (mean squared error)" : "Loss";
    if (frame.twoD) confusionBox.replaceChildren();
    else if (frame.confusion !== undefined) confusionBox.replaceChildren(confusionTable(frame.confusion));
    const hist = frame.history;
    const at = hist.epochs.length - 1;
    const value = (c: number): number => (at >= 0 ? hist.columns[c][at] : Number.NaN);
    const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : "–");
    numbers.replaceChildren(
      h("dt", {}, "train loss"), h("dd", { id: "train-loss" }, formatLoss(value(LOSS))),
      h("dt", {}, "test loss"), h("dd", { id: "test-loss" }, formatLoss(value(VAL_LOSS))),
      ...(frame.regression ? [] : [
        h("dt", {}, "train accuracy"), h("dd", {}, pct(value(ACCURACY))),
        h("dt", {}, "test accuracy"), h("dd", { id: "test-accuracy" }, pct(value(VAL_ACCURACY))),
      ]),
    );
    decision.setAttribute("aria-label", frame.regression
      ? `the model's output over the plane with the data's targets; test loss (MSE) ${formatLoss(value(VAL_LOSS))}`
      : `decision boundary with the data; test accuracy ${pct(value(VAL_ACCURACY))}`);
    drawChart(lossChart, [
      { label: "train", colour: POSITIVE, x: hist.epochs, y: hist.columns[LOSS] },
      { label: "test", colour: NEGATIVE, x: hist.epochs, y: hist.columns[VAL_LOSS], dashed: true },
    ]);
    drawChart(accuracyChart, [
      { label: "train", colour: POSITIVE, x: hist.epochs, y: hist.columns[ACCURACY] },
      { label: "test", colour: NEGATIVE, x: hist.epochs, y: hist.columns[VAL_ACCURACY], dashed: true },
    ], { yRange: [0, 1] });
    const snap = norms?.snapshot();
    drawChart(normsChart, snap === undefined ? [] : snap.columns.map((y, i) => ({
      label: i === snap.columns.length - 1 ? "out" : `L${i + 1}`, colour: LAYER_COLOURS[i % LAYER_COLOURS.length], x: snap.epochs, y,
    })), { log: true });
  }

  const output: OutputPanel = {
    element,
    decisionGrid: { cols: 80, rows: 80 },
    show(frame) {
      last = frame;
      if (frame.decision !== undefined) lastDecision = frame.decision;
      if (frame.values !== undefined) lastValues = frame.values;
      recordNorms(frame);
      redraw();
    },
    redraw,
    hover(neuron) {
      hovered = neuron;
      redraw();
    },
  };
  return output;
}

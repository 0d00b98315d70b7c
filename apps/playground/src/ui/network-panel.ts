import type { Setting } from "@nn/studio";
import type { Frame } from "../protocol.js";
import { h } from "./element.js";
import { layersPanel } from "./layers-panel.js";
import { drawNetwork, neuronAt } from "./network-view.js";
import type { Propose } from "./setting-controls.js";

/** A neuron under the pointer, with the maps it is drawn from. */
export interface HoveredNeuron {
  readonly layer: number;
  readonly unit: number;
  readonly maps: NonNullable<Frame["network"]>;
}

export interface NetworkPanel {
  readonly element: HTMLElement;
  /** Pixels per side of each neuron's map. */
  readonly neuronGrid: { cols: number; rows: number };
  show(frame: Frame): void;
}

/** The network: layer and neuron buttons over the picture of every neuron and weight. */
export function networkPanel(propose: Propose, current: () => Setting, hover: (neuron: HoveredNeuron | undefined) => void): NetworkPanel {
  const layers = layersPanel(propose, current);
  let shown: Frame["network"];
  let pointed: { layer: number; unit: number } | undefined;
  // The TensorFlow Playground's hover: a neuron's map shown large in the output's place.
  const pointAt = (event: Event): void => {
    const e = event as MouseEvent;
    const box = picture.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * picture.width;
    const y = ((e.clientY - box.top) / box.height) * picture.height;
    const at = shown !== undefined && shown.cols > 0 ? neuronAt(shown, picture.width, picture.height, x, y) : undefined;
    if (at?.layer === pointed?.layer && at?.unit === pointed?.unit) return;
    pointed = at;
    hover(at === undefined || shown === undefined ? undefined : { ...at, maps: shown });
  };
  const picture = h("canvas", {
    id: "network", width: 520, height: 420, role: "img", "aria-label": "the network: every neuron's output map and the weights between",
    onmousemove: pointAt, onmouseleave: () => {
      pointed = undefined;
      hover(undefined);
    },
  });
  const note = h("p", { class: "note" });
  const element = h("section", { class: "panel network", "aria-labelledby": "network-title" },
    h("h2", { id: "network-title" }, "Network"), layers.element, picture, note);
  return {
    element,
    neuronGrid: { cols: 20, rows: 20 },
    show(frame) {
      layers.sync(frame.setting);
      const columns = frame.setting.layers.length + 2;
      (layers.element.querySelector(".layer-columns") as HTMLElement).style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
      if (frame.network !== undefined) {
        shown = frame.network;
        // The neuron under the pointer follows the training.
        if (pointed !== undefined) {
          const fits = pointed.layer < shown.layers.length && pointed.unit < shown.layers[pointed.layer].units && shown.cols > 0;
          if (!fits) pointed = undefined;
          hover(pointed === undefined ? undefined : { ...pointed, maps: shown });
        }
        // As tall as the widest layer needs (tiles up to 44 px), so a small network leaves no empty band.
        const most = Math.max(...frame.network.layers.map((l) => l.units));
        const height = Math.max(160, Math.min(420, most * 52 + 24));
        if (picture.height !== height) picture.height = height;
        drawNetwork(picture, frame.network, frame.inputNames, !frame.regression && frame.classNames.length <= 2);
        note.textContent = frame.network.cols > 0
          ? "Each square: a neuron's output over the input plane (blue positive, orange negative). Lines: weights, thicker when larger."
          : `${frame.inputNames.length} input features: no neuron maps (they need a 2-D data set). Lines: weights, thicker when larger, blue positive, orange negative.`;
      }
    },
  };
}

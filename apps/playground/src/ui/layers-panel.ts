import type { Setting } from "@nn/studio";
import { h } from "./element.js";
import type { BoundControl, Propose } from "./setting-controls.js";

/** The most hidden layers and neurons a layer the buttons go to (the text field of "hidden layers" takes any). */
const MAX_LAYERS = 8;
const MAX_UNITS = 256;

/**
 * The Playground's network header: add or remove a hidden layer, and above each hidden layer add
 * or remove a neuron. One column per layer of the picture below (inputs, hidden…, output), so
 * every header stands over its layer.
 */
export function layersPanel(propose: Propose, current: () => Setting): BoundControl {
  const heading = h("div", { class: "layers-count" });
  const columns = h("div", { class: "layer-columns" });
  const setLayers = (layers: number[]): void => propose({ layers });
  const element = h("div", { class: "layers-panel" }, heading, columns);
  let shown = "";
  return {
    element,
    sync(s) {
      const layers = [...s.layers];
      if (layers.join(",") === shown) return;
      shown = layers.join(",");
      // Rebuilt buttons: keep the keyboard on the one just pressed.
      const focused = element.contains(document.activeElement) ? document.activeElement?.getAttribute("aria-label") : undefined;
      heading.replaceChildren(
        h("button", { type: "button", class: "round", "aria-label": "Add a hidden layer", disabled: layers.length >= MAX_LAYERS, onclick: () => setLayers([...current().layers, layers.at(-1) ?? 4]) }, "+"),
        h("button", { type: "button", class: "round", "aria-label": "Remove the last hidden layer", disabled: layers.length === 0, onclick: () => setLayers(current().layers.slice(0, -1)) }, "−"),
        h("span", {}, ` ${layers.length} hidden layer${layers.length === 1 ? "" : "s"}`),
      );
      const header = (text: string): HTMLElement => h("div", { class: "layer-column" }, h("span", { class: "layer-name" }, text));
      columns.replaceChildren(
        header("inputs"),
        ...layers.map((units, i) => {
          const change = (delta: number): void => {
            const next = [...current().layers];
            next[i] = Math.max(1, Math.min(MAX_UNITS, next[i] + delta));
            setLayers(next);
          };
          return h("div", { class: "layer-column" },
            h("button", { type: "button", class: "round small", "aria-label": `Add a neuron to hidden layer ${i + 1}`, disabled: units >= MAX_UNITS, onclick: () => change(1) }, "+"),
            h("button", { type: "button", class: "round small", "aria-label": `Remove a neuron from hidden layer ${i + 1}`, disabled: units <= 1, onclick: () => change(-1) }, "−"),
            h("span", { class: "layer-name" }, `${units} neuron${units === 1 ? "" : "s"}`));
        }),
        header("output"),
      );
      if (focused != null) {
        const again = [...element.querySelectorAll("button")].find((b) => b.getAttribute("aria-label") === focused && !b.disabled);
        (again ?? element.querySelector("button:not([disabled])"))?.focus();
      }
    },
  };
}

import { describeSetting } from "@nn/studio";
import type { Frame } from "../protocol.js";
import { h, uniqueId } from "./element.js";

export interface ModelActions {
  readonly download: (format: "json" | "onnx") => void;
  readonly load: (file: File) => void;
  readonly copyLink: () => void;
}

export interface ModelPanel {
  readonly element: HTMLElement;
  show(frame: Frame): void;
}

/** The run in words, its weights' fingerprint, the link, and the model files (download nn JSON or ONNX, load nn JSON). */
export function modelPanel(actions: ModelActions): ModelPanel {
  const fileId = uniqueId("load");
  const file = h("input", {
    id: fileId, type: "file", accept: ".json,application/json", name: "model-file",
    onchange: () => {
      const chosen = file.files?.[0];
      if (chosen !== undefined) actions.load(chosen);
      file.value = "";
    },
  });
  const summary = h("p", { id: "summary", class: "summary" });
  const fingerprint = h("code", { id: "fingerprint" });
  const element = h("section", { class: "panel model", "aria-labelledby": "model-title" },
    h("h2", { id: "model-title" }, "Model"),
    summary,
    h("p", {}, "weights fingerprint ", fingerprint, h("small", {}, " (FNV-1a 64 of every weight: the same link gives the same fingerprint in Node and every browser)")),
    h("div", { class: "buttons" },
      h("button", { type: "button", id: "copy-link", onclick: actions.copyLink }, "Copy link to this setting"),
      h("button", { type: "button", id: "download-json", onclick: () => actions.download("json") }, "Download nn model (JSON)"),
      h("button", { type: "button", id: "download-onnx", onclick: () => actions.download("onnx") }, "Download ONNX"),
      h("label", { for: fileId, class: "file-button" }, "Load an nn model file… ", file)),
  );
  return {
    element,
    show(frame) {
      summary.textContent = `${describeSetting(frame.setting)} · ${frame.parameterCount.toLocaleString("en-US")} parameters · seed ${frame.setting.seed}`;
      fingerprint.textContent = frame.fingerprint;
    },
  };
}

import type { Setting } from "@nn/studio";
import type { Frame, FromWorker, Speed, ToWorker } from "./protocol.js";
import { addressOf, settingFromAddress } from "./url-setting.js";
import { dataPanel } from "./ui/data-panel.js";
import { h } from "./ui/element.js";
import { modelPanel } from "./ui/model-panel.js";
import { networkPanel } from "./ui/network-panel.js";
import { outputPanel } from "./ui/output-panel.js";
import { fieldControl, fieldsOf } from "./ui/setting-controls.js";
import { toolbar } from "./ui/toolbar.js";
import "./style.css";

// The page: reads the setting from the address, starts the training worker, draws the latest
// frame once per display frame (requestAnimationFrame) and tells the worker when it has drawn it.

const opened = settingFromAddress(location.hash, location.search);
let setting: Setting = opened.setting;
const speed: Speed = 1;

const worker = new Worker(new URL("./worker/training-worker.ts", import.meta.url), { type: "module" });
const send = (message: ToWorker): void => worker.postMessage(message);

const banner = h("div", { id: "error", class: "banner", role: "alert", hidden: true });
const status = h("p", { id: "status", class: "status", role: "status", "aria-live": "polite" });
const showError = (text: string | undefined): void => {
  banner.hidden = text === undefined;
  banner.textContent = text ?? "";
};

/** A change proposed by a control: the worker applies it and the next frame shows the result. */
const propose = (change: Partial<Setting>): void => {
  setting = { ...setting, ...change };
  send({ type: "apply", setting });
};
const current = (): Setting => setting;

const bar = toolbar({
  play: () => send({ type: "play" }),
  pause: () => send({ type: "pause" }),
  step: () => send({ type: "step" }),
  reset: () => send({ type: "reset" }),
  speed: (s) => send({ type: "speed", speed: s }),
}, speed);
const data = dataPanel(propose, current);
const output = outputPanel();
const network = networkPanel(propose, current, (neuron) => output.hover(neuron));
const trainingFields = fieldsOf(["layers", "activation", "init", "optimizer", "lr", "batchSize", "momentum", "nesterov", "beta1", "beta2", "weightDecay", "schedule", "gamma", "stepSize", "warmup"]).map((f) => fieldControl(f, propose));
const regularisationFields = fieldsOf(["l1", "l2", "dropout", "clip", "epochs", "seed", "standardize"]).map((f) => fieldControl(f, propose));
let requests = 0;
const model = modelPanel({
  download: (format) => {
    send({ type: "export", id: ++requests, format });
  },
  load: (file) => {
    void file.text().then((text) => {
      const id = ++requests;
      send({ type: "load", id, name: file.name, text });
    });
  },
  copyLink: () => {
    const link = location.href;
    navigator.clipboard?.writeText(link).then(() => { status.textContent = "link copied"; }, () => { status.textContent = `link: ${link}`; });
  },
});

document.body.append(
  bar.element,
  banner,
  status,
  h("main", { class: "layout" },
    data.element,
    network.element,
    output.element,
    h("section", { class: "panel settings", "aria-labelledby": "settings-title" },
      h("h2", { id: "settings-title" }, "Training"), ...trainingFields.map((c) => c.element)),
    h("section", { class: "panel settings", "aria-labelledby": "regularisation-title" },
      h("h2", { id: "regularisation-title" }, "Regularisation and run"), ...regularisationFields.map((c) => c.element)),
    model.element,
  ),
  h("footer", {}, "Trained in your browser by nn's packages (@nn/tensor, layers, optim, datasets, train, studio) in a Web Worker. Nothing leaves this page. Keys: space plays or pauses."),
);
showError(opened.error === undefined ? undefined : `${opened.error} The Playground started from its usual setting instead.`);

let latest: Frame | undefined;
let drawnSeq = 0;
let shownSetting = "";
let written = "";

function syncControls(frame: Frame): void {
  const key = JSON.stringify(frame.setting);
  if (key === shownSetting) return;
  shownSetting = key;
  setting = frame.setting;
  for (const c of [data, ...trainingFields, ...regularisationFields]) c.sync(frame.setting);
  written = addressOf(frame.setting);
  if (location.hash !== written) history.replaceState(null, "", written);
}

// A link pasted into this tab's address bar changes only the hash: no reload, so apply it here.
window.addEventListener("hashchange", () => {
  if (location.hash === written) return;
  const next = settingFromAddress(location.hash, "");
  showError(next.error === undefined ? undefined : `${next.error} The current run goes on unchanged.`);
  if (next.error === undefined) {
    setting = next.setting;
    send({ type: "apply", setting, pause: true });
  }
});

function draw(): void {
  const frame = latest;
  if (frame !== undefined && frame.seq !== drawnSeq) {
    drawnSeq = frame.seq;
    syncControls(frame);
    bar.show(frame);
    network.show(frame);
    output.show(frame);
    model.show(frame);
    if (frame.notice !== undefined) status.textContent = frame.notice;
    if (frame.error !== undefined) status.textContent = `training stopped: ${frame.error}`;
    send({ type: "drawn", seq: frame.seq });
  }
  requestAnimationFrame(draw);
}

function saveFile(name: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "frame":
      latest = message.frame;
      break;
    case "file":
      saveFile(message.name, message.mime, message.bytes);
      break;
    case "reply":
      status.textContent = message.error !== undefined ? `refused: ${message.error}` : (message.message ?? "");
      break;
    case "init-failed":
      showError(`The link's setting could not be built: ${message.message}. The Playground started from its usual setting instead.`);
      setting = settingFromAddress("", "").setting;
      send({ type: "init", setting, view: { decision: output.decisionGrid, neurons: network.neuronGrid }, speed });
      break;
  }
};
worker.onerror = (event) => showError(`The training worker failed: ${event.message}`);

document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  if (event.key === " " && (target === document.body || target.tagName === "CANVAS")) {
    event.preventDefault();
    bar.toggle();
  }
});

send({ type: "init", setting, view: { decision: output.decisionGrid, neurons: network.neuronGrid }, speed });
requestAnimationFrame(draw);

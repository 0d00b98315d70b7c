import { SPEEDS, type Frame, type Speed } from "../protocol.js";
import { h, uniqueId } from "./element.js";

export interface ToolbarActions {
  readonly play: () => void;
  readonly pause: () => void;
  readonly step: () => void;
  readonly reset: () => void;
  readonly speed: (speed: Speed) => void;
}

export interface Toolbar {
  readonly element: HTMLElement;
  show(frame: Frame): void;
  /** Play ↔ Pause, as the button would (the space key). */
  toggle(): void;
}

function formatRate(v: number): string {
  return v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(0);
}

/** Reset, Play/Pause, Step, the speed, and the run's counters: epoch, samples/s, status. */
export function toolbar(actions: ToolbarActions, initialSpeed: Speed): Toolbar {
  let running = false;
  const play = h("button", {
    type: "button", id: "play", class: "play", "aria-label": "Play",
    onclick: () => (running ? actions.pause() : actions.play()),
  }, "▶ Play");
  const step = h("button", { type: "button", id: "step", "aria-label": "Step one epoch", onclick: actions.step }, "Step");
  const reset = h("button", { type: "button", id: "reset", "aria-label": "Reset to epoch 0", onclick: actions.reset }, "↺ Reset");
  const speedId = uniqueId("speed");
  const speed = h("select", { id: speedId, name: "speed", onchange: () => actions.speed(SPEEDS[Number(speed.value)]) },
    ...SPEEDS.map((s, i) => h("option", { value: i }, s === "max" ? "as fast as it trains" : `${s} epoch${s === 1 ? "" : "s"} a frame`)));
  speed.value = String(SPEEDS.indexOf(initialSpeed));
  const epoch = h("output", { id: "epoch", "aria-label": "epoch" }, "0");
  const rate = h("output", { id: "rate" }, "–");
  const status = h("output", { id: "run-status" }, "starting");
  const rateNow = h("output", { id: "lr-now" }, "–");
  const element = h("header", { class: "toolbar" },
    h("h1", {}, "nn Playground"),
    reset, play, step,
    h("label", { for: speedId, class: "speed" }, "speed ", speed),
    h("div", { class: "counter" }, h("span", {}, "epoch"), epoch),
    h("div", { class: "counter" }, h("span", {}, "samples/s"), rate),
    h("div", { class: "counter" }, h("span", {}, "learning rate now"), rateNow),
    h("div", { class: "counter" }, h("span", {}, "status"), status),
  );
  return {
    element,
    show(frame) {
      running = frame.status === "running";
      const label = running ? "Pause" : "Play";
      if (play.getAttribute("aria-label") !== label) {
        play.setAttribute("aria-label", label);
        play.textContent = running ? "❚❚ Pause" : "▶ Play";
      }
      step.disabled = running;
      epoch.textContent = frame.epoch.toLocaleString("en-US");
      rate.textContent = running ? formatRate(frame.samplesPerSecond) : "–";
      rateNow.textContent = Number(frame.lr.toPrecision(3)).toString();
      status.textContent = frame.status === "done" ? `done (${frame.setting.epochs} epochs); Play goes on` : frame.status;
    },
    toggle() {
      if (running) actions.pause();
      else actions.play();
    },
  };
}

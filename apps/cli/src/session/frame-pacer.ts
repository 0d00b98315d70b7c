import { FrameGate, type TrainingDriver } from "@nn/studio";
import type { RunDescription } from "../ui/Header.js";
import { formatLr } from "../ui/format-lr.js";
import { failureInCliTerms } from "../report/failure-advice.js";
import { confusionCounts } from "./confusion.js";
import { SPEEDS, type Command, type Frame, type ViewSize } from "./worker-protocol.js";

export interface PacerDeps {
  /** Milliseconds between frames while training runs. */
  readonly frameMs: number;
  readonly post: (frame: Frame) => void;
  /** The header's words for the driver's current run. */
  readonly describe: (driver: TrainingDriver) => RunDescription;
  /** Why a run that reached DONE failed after all (stalled at chance level), if it did. */
  readonly stalled?: () => string | undefined;
  readonly now?: () => number;
}

/** Training between two looks at the message queue: short, so a key is acted on within a few ms. */
const SLICE_MS = 10;
const MAX_SPEED = SPEEDS.length - 1;
/**
 * The opening ramp shows ceil(RAMP_SHARE × epoch) more epochs each frame: one a frame for the first
 * ten epochs, then the count grows by a tenth a frame, so every doubling of the epoch takes about
 * seven frames and a run's early epochs (where the picture changes most) play out over the first
 * seconds instead of one jump. The default run (2000 epochs) takes about 65 frames.
 */
export const RAMP_SHARE = 0.1;

/** Epochs the ramp shows in the frame after `epoch`. */
export function rampEpochs(epoch: number): number {
  return Math.max(1, Math.ceil(RAMP_SHARE * epoch));
}
/** Learning rates the +/- keys can reach; beyond them a key does nothing but say so. */
export const MIN_LR = 1e-8;
export const MAX_LR = 100;

/**
 * The training worker's clock: trains the driver in short slices and posts a frame every
 * `frameMs` while it runs, each showing `speed` more epochs (or as many as ran, at "max"). The run
 * opens with a ramp (rampEpochs: one epoch a frame, then a tenth of the epoch count), so the first
 * second shows the early epochs; a speed key ends the ramp. One frame is in flight at a time: the next is posted once the
 * screen says it drew the last, so a slow screen never queues frames. Paused or done, nothing runs
 * and nothing is posted until a command changes something.
 */
export class FramePacer {
  private readonly gate: FrameGate<Frame>;
  private speedIndex = 0;
  /** Epochs the frame being trained shows (fixed when the frame before it is posted); ramping: per frameMs. */
  private frameTarget = 1;
  private postedAt = 0;
  private ramping = true;
  private nextFrameAt = 0;
  private epochsThisFrame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private view: { map?: ViewSize; neurons?: ViewSize } = {};
  private notice: string | undefined;
  private activeMs = 0;
  private activeSince: number | undefined;
  private readonly started: number;
  private readonly now: () => number;
  private description: RunDescription;
  private describedRun = -1;

  constructor(private readonly driver: TrainingDriver, private readonly deps: PacerDeps) {
    this.gate = new FrameGate<Frame>(() => this.loop(), { post: deps.post, schedule: setImmediate });
    this.now = deps.now ?? (() => performance.now());
    this.started = this.now();
    this.description = deps.describe(driver);
    this.describedRun = driver.runId;
  }

  /** Epochs a frame shows: the ramp's count while it lasts, else the chosen step of SPEEDS. */
  get speed(): number | "max" {
    return this.ramping ? rampEpochs(this.driver.epoch) : SPEEDS[this.speedIndex];
  }

  /** Begins: posts the first frame and starts training. */
  start(): void {
    this.wake();
  }

  handle(command: Command): void {
    const d = this.driver;
    switch (command.type) {
      case "drawn":
        this.gate.drawn(command.seq);
        break;
      case "toggle":
        if (d.status === "running") d.pause();
        else d.resume();
        break;
      case "step":
        d.step();
        break;
      case "scale-lr": {
        const lr = d.lr * command.factor;
        if (lr < MIN_LR || lr > MAX_LR) this.notice = `learning rate stays ${formatLr(d.lr)} (limits ${MIN_LR}…${MAX_LR})`;
        else {
          this.notice = `learning rate ${formatLr(d.lr)} → ${formatLr(lr)}`;
          d.setLr(lr);
        }
        break;
      }
      case "restart":
        d.restart();
        this.activeMs = 0;
        break;
      case "speed":
        // From the ramp, the keys step from the ladder's step nearest the ramp's speed.
        if (this.ramping) this.speedIndex = nearestSpeed(rampEpochs(d.epoch));
        this.ramping = false;
        this.speedIndex = Math.max(0, Math.min(MAX_SPEED, this.speedIndex + command.delta));
        break;
      case "apply":
        try {
          const need = d.apply(command.setting);
          if (need !== undefined && need !== "live") this.activeMs = 0;
          this.notice = need === undefined ? "setting unchanged" : need === "live" ? "applied to the running model" : need === "data" ? "new data: restarted" : "new network: restarted";
        } catch (error) {
          this.notice = `setting refused: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
        }
        break;
      case "view":
        this.view = { ...(command.map !== undefined ? { map: command.map } : {}), ...(command.neurons !== undefined ? { neurons: command.neurons } : {}) };
        break;
    }
    if (command.type !== "drawn") this.gate.markDirty();
    if (command.type === "speed" || command.type === "restart" || command.type === "apply") {
      const speed = this.speed;
      this.frameTarget = speed === "max" ? Infinity : speed;
    }
    this.wake();
  }

  /** Runs the loop soon (a sleeping loop is woken early). */
  private wake(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.gate.wake();
  }

  private loop(): void {
    const d = this.driver;
    const running = d.status === "running";
    const now = this.now();
    this.trackActive(running, now);
    this.gate.offer(running && now >= this.nextFrameAt, (seq) => this.frame(seq, now));
    if (!running) return; // idle: no timer, no work until a command arrives
    const allowance = this.frameEpochs(now) - this.epochsThisFrame;
    if (allowance >= 1) {
      this.epochsThisFrame += d.trainFor(SLICE_MS, Math.floor(allowance));
      if (d.status !== "running") this.gate.markDirty(); // DONE or failed: show it at once
      this.wake();
      return;
    }
    // This frame's epochs are done: sleep until the next frame is due or (ramping) the next epoch
    // is allowed; an ack or a key wakes us sooner.
    const nextEpochAt = this.ramping ? this.postedAt + (this.deps.frameMs * (this.epochsThisFrame + 1)) / this.frameTarget : Infinity;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loop();
    }, Math.max(1, Math.min(this.nextFrameAt, nextEpochAt) - now));
  }

  /**
   * Epochs the frame being trained may show by `now`. A chosen speed is a fixed count a frame. The
   * ramp's count is per frame interval: when the screen takes longer to draw than `frameMs` (a
   * loaded machine), training goes on at the ramp's pace and the next frame shows more epochs, so
   * a slow screen never slows the run.
   */
  private frameEpochs(now: number): number {
    if (!this.ramping) return this.frameTarget;
    return this.frameTarget * Math.max(1, (now - this.postedAt) / this.deps.frameMs);
  }

  private trackActive(running: boolean, now: number): void {
    if (running && this.activeSince === undefined) this.activeSince = now;
    if (!running && this.activeSince !== undefined) {
      this.activeMs += now - this.activeSince;
      this.activeSince = undefined;
    }
  }

  /** The frame numbered `seq`; the next frame's count starts now. */
  private frame(seq: number, now: number): Frame {
    const d = this.driver;
    if (this.describedRun !== d.runId) {
      this.description = this.deps.describe(d);
      this.describedRun = d.runId;
    }
    const painter = d.painter;
    const { map, neurons } = this.view;
    const active = this.activeMs + (this.activeSince === undefined ? 0 : now - this.activeSince);
    const stalled = d.status === "done" ? this.deps.stalled?.() : undefined;
    const frame: Frame = {
      seq,
      runId: d.runId,
      status: d.status,
      epoch: d.epoch,
      target: d.target,
      lr: d.lr,
      seed: d.runSeed,
      samplesPerSecond: d.samplesPerSecond,
      speed: this.speed,
      ramping: this.ramping,
      history: d.history.snapshot(),
      layerNorms: d.layerNorms,
      ...(painter !== undefined && map !== undefined
        ? d.run.regression ? { values: painter.values(map.cols, map.rows) } : { field: painter.decision(map.cols, map.rows) }
        : {}),
      ...(painter !== undefined && neurons !== undefined ? { network: painter.neurons(neurons.cols, neurons.rows) } : {}),
      // No classes to confuse in a regression run without a map (a CSV with more than two features).
      ...(painter === undefined && !d.run.regression ? { confusion: confusionCounts(d) } : {}),
      description: this.description,
      setting: d.setting,
      activeMs: active,
      wallMs: now - this.started,
      trainingMs: d.trainingMs,
      ...(d.failure !== undefined ? { error: failureInCliTerms(d.failure).message.split("\n")[0] }
        : d.status === "done" && stalled !== undefined ? { error: stalled } : {}),
      ...(this.notice !== undefined ? { notice: this.notice } : {}),
    };
    this.notice = undefined;
    this.nextFrameAt = now + this.deps.frameMs;
    this.epochsThisFrame = 0;
    this.postedAt = now;
    const next = this.speed;
    this.frameTarget = next === "max" ? Infinity : next;
    return frame;
  }

  /** Stops every timer (the worker is about to end). */
  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.driver.pause();
  }
}

/** The index of the SPEEDS step closest to `epochs` a frame, by ratio (the ladder is logarithmic). */
function nearestSpeed(epochs: number): number {
  const ratio = (step: number): number => Math.max(step / epochs, epochs / step);
  let best = 0;
  for (let i = 1; i < MAX_SPEED; i++) if (ratio(SPEEDS[i] as number) < ratio(SPEEDS[best] as number)) best = i;
  return best;
}

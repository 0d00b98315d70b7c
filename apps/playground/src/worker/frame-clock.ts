import type { Sequential } from "@nn/layers";
import { confusionCounts, FrameGate, weightsFingerprint, type FrameGateDeps, type NeuronMaps, type TrainingDriver } from "@nn/studio";
import { trainTestSplit, type Dataset } from "@nn/datasets";
import { Tensor } from "@nn/tensor";
import type { Frame, Speed, ToWorker, View } from "../protocol.js";

/** Training between two looks at the message queue: short, so a click is acted on within a few ms. */
const SLICE_MS = 8;
/**
 * While training runs, the pictures (evaluating the model over every grid pixel) may take at most
 * 1 / (1 + MAP_GAP) of the time: a map that took t ms is next recomputed MAP_GAP·t ms later, and
 * frames in between carry only the numbers and curves. Paused, every frame has fresh pictures.
 */
const MAP_GAP = 3;

/** `post` hands a frame to the page; `schedule` runs a task after pending messages (a MessageChannel in a worker). */
export type FrameClockDeps = FrameGateDeps<Frame>;

type Command = Exclude<ToWorker, { type: "init" | "export" | "load" }>;

/**
 * The worker's clock: trains the driver in short slices and posts a frame each time the page has
 * drawn the last one and `speed` more epochs have run (or, at "max", whatever ran meanwhile).
 * Paused, nothing runs and a frame is posted only when a command changed something.
 */
export class FrameClock {
  private readonly gate: FrameGate<Frame>;
  private epochsSinceFrame = 0;
  private notice: string | undefined;
  private splitOf = -1;
  private heldOut: Uint8Array | undefined;
  private mapsDueAt = 0;
  private mapsRun = -1;

  constructor(private readonly driver: TrainingDriver, private view: View, private speedValue: Speed, deps: FrameClockDeps) {
    this.gate = new FrameGate<Frame>(() => this.loop(), deps);
  }

  /** Posts the first frame. */
  start(): void {
    this.gate.wake();
  }

  /** Something changed outside a command (a loaded model): post a frame with this notice. */
  announce(notice: string): void {
    this.notice = notice;
    this.gate.markDirty();
    this.gate.wake();
  }

  handle(command: Command): void {
    const d = this.driver;
    switch (command.type) {
      case "drawn":
        this.gate.drawn(command.seq);
        break;
      case "play":
        d.resume();
        break;
      case "pause":
        d.pause();
        break;
      case "step":
        d.step();
        break;
      case "reset":
        d.restart(d.setting.seed);
        d.pause();
        break;
      case "speed":
        this.speedValue = command.speed;
        break;
      case "view":
        this.view = command.view;
        break;
      case "apply": {
        const wasRunning = d.status === "running";
        try {
          const need = d.apply(command.setting);
          if (need === "model" || need === "data") {
            if (!wasRunning) d.pause();
            this.notice = need === "data" ? "new data and network, from epoch 0" : "new network, from epoch 0";
          } else if (need === "live") this.notice = "applied to the running model";
        } catch (error) {
          this.notice = `setting refused: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
        }
        if (command.pause === true) d.pause();
        break;
      }
    }
    if (command.type !== "drawn") this.gate.markDirty();
    this.gate.wake();
  }

  private loop(): void {
    const d = this.driver;
    const allowance = this.speedValue === "max" ? Infinity : this.speedValue - this.epochsSinceFrame;
    if (d.status === "running" && allowance > 0) {
      this.epochsSinceFrame += d.trainFor(SLICE_MS, allowance);
      if (d.status !== "running") this.gate.markDirty();
    }
    this.gate.offer(this.epochsSinceFrame >= (this.speedValue === "max" ? 1 : this.speedValue), (seq) => this.frame(seq));
    // Go on while this frame's epochs are not done (at "max": while running); an ack wakes us otherwise.
    const more = this.speedValue === "max" || this.epochsSinceFrame < this.speedValue;
    if (d.status === "running" && more) this.gate.wake();
  }

  /** The frame numbered `seq`, with fresh pictures when they are due. */
  private frame(seq: number): Frame {
    const d = this.driver;
    const run = d.run;
    const painter = d.painter;
    const started = performance.now();
    const fresh = this.gate.dirty || d.status !== "running" || d.runId !== this.mapsRun || started >= this.mapsDueAt;
    const { cols, rows } = this.view.decision;
    const field = fresh && !run.regression ? painter?.decision(cols, rows) : undefined;
    const values = fresh && run.regression ? painter?.values(cols, rows) : undefined;
    const network = !fresh ? undefined : painter !== undefined ? painter.neurons(this.view.neurons.cols, this.view.neurons.rows) : weightsOnly(run.model);
    if (fresh) {
      this.mapsRun = d.runId;
      this.mapsDueAt = performance.now() + MAP_GAP * (performance.now() - started);
    }
    const frame: Frame = {
      seq,
      runId: d.runId,
      status: d.status,
      epoch: d.epoch,
      lr: d.lr,
      samplesPerSecond: d.samplesPerSecond,
      speed: this.speedValue,
      history: d.history.snapshot(),
      layerNorms: d.layerNorms,
      setting: d.setting,
      inputNames: run.inputNames,
      classNames: run.raw.classNames ?? Array.from({ length: Math.max(2, run.raw.numClasses) }, (_, k) => String(k)),
      parameterCount: run.model.parameters().reduce((sum, p) => sum + p.value.size, 0),
      fingerprint: weightsFingerprint(run.model.parameters()),
      // The points go once, as `placed` (with the held-out mark).
      ...(field !== undefined ? { decision: { cols: field.cols, rows: field.rows, classes: field.classes, confidence: field.confidence, placed: this.placed(field.points) } } : {}),
      ...(values !== undefined ? { values: { cols: values.cols, rows: values.rows, values: values.values, scale: values.scale, placed: this.placed(values.points) } } : {}),
      regression: run.regression,
      ...(network !== undefined ? { network } : {}),
      ...(painter === undefined && fresh ? { confusion: confusionCounts(run) } : {}),
      twoD: painter !== undefined,
      ...(d.failure !== undefined ? { error: d.failure.message.split("\n")[0] } : {}),
      ...(this.notice !== undefined ? { notice: this.notice } : {}),
    };
    this.notice = undefined;
    this.epochsSinceFrame = 0;
    return frame;
  }

  /**
   * The data points on the map's grid, marked held out or not. The run's split is of the network
   * inputs; splitting the row numbers with the same labels and seed picks the same rows (the split
   * reads only the labels and the seed).
   */
  private placed<P extends object>(points: readonly P[]): (P & { test: boolean })[] {
    const d = this.driver;
    if (this.splitOf !== d.runId) {
      this.splitOf = d.runId;
      this.heldOut = d.setting.testSplit > 0 ? heldOutRows(d.run.raw, d.setting.testSplit, d.runSeed, !d.run.regression) : undefined;
    }
    const held = this.heldOut;
    // The maps place the raw rows in order, so point i is row i.
    return points.map((p, i) => ({ ...p, test: held !== undefined && held[i] === 1 }));
  }
}

/**
 * The network without maps (data with more than two features): each layer's width and the Dense
 * weights between, as NeuronMaps with an empty grid.
 */
function weightsOnly(model: Sequential): NeuronMaps {
  const weights = model.parameters().filter((p) => p.value.rank === 2 && p.name.endsWith("weight"));
  const units = [weights[0].value.shape[0], ...weights.map((p) => p.value.shape[1])];
  return {
    cols: 0, rows: 0,
    layers: units.map((n) => ({ units: n, values: new Float32Array(0) })),
    weights: weights.map((p) => Float32Array.from(p.value.data)),
  };
}

/** 1 for each row trainTestSplit holds out of `ds` with this share, stratification and seed (as buildRun splits). */
function heldOutRows(ds: Dataset, testSize: number, seed: number, stratify: boolean): Uint8Array {
  const n = ds.y.shape[0];
  const rowNumbers = new Tensor(Float64Array.from({ length: n }, (_, i) => i), [n, 1]);
  const { test } = trainTestSplit({ ...ds, x: rowNumbers }, { testSize, stratify, seed });
  const held = new Uint8Array(n);
  for (const row of test.x.data) held[row] = 1;
  return held;
}

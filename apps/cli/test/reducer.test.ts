import { describe, expect, it } from "vitest";
import { appendThinned, reduce, type TrainerAction } from "../src/state/reducer.js";
import { HISTORY_LIMIT, initialTrainerState, type EpochPoint, type TrainerState } from "../src/state/trainer-state.js";

const start = (): TrainerState => initialTrainerState({ totalEpochs: 100, lr: 0.1, seed: 1, now: 0 });
const key = (input: string, now = 0, extra: Partial<Extract<TrainerAction, { type: "key" }>> = {}): TrainerAction => ({
  type: "key", input, now, ...extra,
});
const point = (epoch: number): EpochPoint => ({ epoch, loss: 1 / epoch, accuracy: 0.5 });

describe("trainer reducer: keys", () => {
  it("space pauses and resumes, and time spent paused is not counted", () => {
    const paused = reduce(start(), key(" ", 1000));
    expect(paused.state.status).toBe("paused");
    expect(paused.effects).toEqual([{ type: "pause" }]);
    const resumed = reduce(paused.state, key(" ", 4000));
    expect(resumed.state.status).toBe("running");
    expect(resumed.state.pausedMs).toBe(3000);
    expect(resumed.effects).toEqual([{ type: "resume" }]);
  });

  it("n steps only while paused", () => {
    expect(reduce(start(), key("n")).effects).toEqual([]);
    const paused = reduce(start(), key(" ")).state;
    expect(reduce(paused, key("n")).effects).toEqual([{ type: "step" }]);
  });

  it("+ doubles and - halves the learning rate", () => {
    const up = reduce(start(), key("+"));
    expect(up.state.lr).toBe(0.2);
    expect(up.effects).toEqual([{ type: "set-lr", lr: 0.2 }]);
    const down = reduce(up.state, key("-"));
    expect(down.state.lr).toBe(0.1);
    expect(reduce(down.state, key("-")).effects).toEqual([{ type: "set-lr", lr: 0.05 }]);
  });

  it("l toggles the log scale, ? the help, q and ctrl-c quit, s saves", () => {
    const log = reduce(start(), key("l")).state;
    expect(log.logScale).toBe(true);
    expect(reduce(log, key("l")).state.logScale).toBe(false);
    const help = reduce(start(), key("?")).state;
    expect(help.showHelp).toBe(true);
    expect(reduce(help, key("", 0, { escape: true })).state.showHelp).toBe(false);
    expect(reduce(start(), key("q")).effects).toEqual([{ type: "quit" }]);
    expect(reduce(start(), key("c", 0, { ctrl: true })).effects).toEqual([{ type: "quit" }]);
    expect(reduce(start(), key("s")).effects).toEqual([{ type: "save" }]);
  });

  it("r restarts with the next seed and forgets the old run's history", () => {
    let s = reduce(start(), {
      type: "snapshot", now: 0,
      snapshot: { epoch: 3, totalEpochs: 100, lr: 0.1, samplesPerSecond: 10, layerNorms: [], newPoints: [point(1), point(2), point(3)], seed: 1, finished: false },
    }).state;
    expect(s.history).toHaveLength(3);
    const r = reduce(s, key("r", 50));
    expect(r.effects).toEqual([{ type: "restart", seed: 2 }]);
    s = r.state;
    expect(s.history).toHaveLength(0);
    expect(s.epoch).toBe(0);
    // A late snapshot of the old seed is ignored.
    const late = reduce(s, {
      type: "snapshot", now: 60,
      snapshot: { epoch: 4, totalEpochs: 100, lr: 0.1, samplesPerSecond: 10, layerNorms: [], newPoints: [point(4)], seed: 1, finished: false },
    });
    expect(late.state.history).toHaveLength(0);
  });

  it("a finished snapshot marks the run done and an error marks it failed", () => {
    const done = reduce(start(), {
      type: "snapshot", now: 0,
      snapshot: { epoch: 100, totalEpochs: 100, lr: 0.1, samplesPerSecond: 1, layerNorms: [], newPoints: [], seed: 1, finished: true },
    }).state;
    expect(done.status).toBe("done");
    expect(reduce(done, key(" ")).effects).toEqual([]);
    const failed = reduce(start(), {
      type: "snapshot", now: 0,
      snapshot: { epoch: 5, totalEpochs: 100, lr: 0.1, samplesPerSecond: 1, layerNorms: [], newPoints: [], seed: 1, finished: true, error: "loss is NaN" },
    }).state;
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe("loss is NaN");
  });
});

describe("chart history thinning", () => {
  it("never holds more than HISTORY_LIMIT points and keeps the first and evenly strided epochs", () => {
    const incoming = Array.from({ length: 10_000 }, (_, i) => point(i + 1));
    const { points, stride } = appendThinned([], 1, incoming);
    expect(points.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    // 10 000 epochs into ≤ 2048 points needs stride 8 (10 000 / 4 = 2500 > 2048, 10 000 / 8 = 1250).
    expect(stride).toBe(8);
    expect(points[0].epoch).toBe(1);
    expect(points.slice(1).every((p) => p.epoch % 8 === 0)).toBe(true);
  });
});

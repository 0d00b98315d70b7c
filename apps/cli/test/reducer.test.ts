import { DEFAULT_SETTING, DownsampledHistory } from "@nn/studio";
import { describe, expect, it } from "vitest";
import { reduce, type ScreenAction } from "../src/state/reducer.js";
import { alongLadder, stepSetting } from "../src/state/setting-steps.js";
import { initialScreenState, type ScreenState } from "../src/state/trainer-state.js";
import type { Frame } from "../src/session/worker-protocol.js";

const frame = (patch: Partial<Frame> = {}): Frame => ({
  seq: 1, runId: 1, status: "running", epoch: 10, target: 100, lr: 0.1, seed: 1, samplesPerSecond: 0, speed: 1, ramping: false,
  history: new DownsampledHistory(["loss", "accuracy", "valLoss", "valAccuracy"]).snapshot(), layerNorms: [],
  description: { data: "d", architecture: "a", parameters: 1, optimizer: "o" }, setting: DEFAULT_SETTING,
  activeMs: 0, wallMs: 0, trainingMs: 0, ...patch,
});
const key = (input: string, extra: Partial<Extract<ScreenAction, { type: "key" }>> = {}): ScreenAction => ({ type: "key", input, ...extra });
const start = (patch: Partial<Frame> = {}): ScreenState => initialScreenState(frame(patch));
const commands = (s: ScreenState) => s.effects.map((e) => (e.type === "command" ? e.command : e));

describe("screen reducer: keys become commands; the worker's frames are the truth", () => {
  it("space toggles (pause, resume, or train on after DONE) through one command", () => {
    expect(commands(reduce(start(), key(" ")))).toEqual([{ type: "toggle" }]);
    expect(reduce(start(), key(" ")).notice).toMatch(/^paused/);
    expect(reduce(start({ status: "done" }), key(" ")).notice).toMatch(/training on past the epoch count/);
    expect(commands(reduce(start({ status: "failed" }), key(" ")))).toEqual([]);
  });

  it("n steps only while paused or done; +/- scale the rate; </> the speed; r restarts", () => {
    expect(commands(reduce(start(), key("n")))).toEqual([]);
    expect(commands(reduce(start({ status: "paused" }), key("n")))).toEqual([{ type: "step" }]);
    expect(commands(reduce(start(), key("+")))).toEqual([{ type: "scale-lr", factor: 2 }]);
    expect(commands(reduce(start(), key("-")))).toEqual([{ type: "scale-lr", factor: 0.5 }]);
    expect(commands(reduce(start(), key(">")))).toEqual([{ type: "speed", delta: 1 }]);
    expect(commands(reduce(start(), key("<")))).toEqual([{ type: "speed", delta: -1 }]);
    expect(commands(reduce(start(), key("r")))).toEqual([{ type: "restart" }]);
  });

  it("keys that arrive together (typed fast) each count", () => {
    expect(commands(reduce(start(), key(">>>")))).toEqual([{ type: "speed", delta: 1 }, { type: "speed", delta: 1 }, { type: "speed", delta: 1 }]);
  });

  it("effects queue up until the App reports them done", () => {
    const twice = reduce(reduce(start(), key("+")), key("+"));
    expect(commands(twice)).toHaveLength(2);
    expect(reduce(twice, { type: "effects-done", seq: twice.effectsSeq }).effects).toEqual([]);
    // A stale report (an older seq) clears nothing.
    expect(reduce(twice, { type: "effects-done", seq: twice.effectsSeq - 1 }).effects).toHaveLength(2);
  });

  it("l, ?, v toggle views; q and ctrl-c quit once; s saves", () => {
    expect(reduce(start(), key("l")).logScale).toBe(true);
    const help = reduce(start(), key("?"));
    expect(help.showHelp).toBe(true);
    expect(reduce(help, key("", { escape: true })).showHelp).toBe(false);
    expect(reduce(start(), key("v")).view).toBe("network");
    const quit = reduce(start(), key("q"));
    expect(quit.effects).toEqual([{ type: "quit" }]);
    expect(reduce(quit, key("q")).effects).toEqual([{ type: "quit" }]);
    expect(reduce(start(), key("c", { ctrl: true })).effects).toEqual([{ type: "quit" }]);
    expect(reduce(start(), key("s")).effects).toEqual([{ type: "save" }]);
  });

  it("a frame replaces the state the screen draws and carries the worker's notice", () => {
    const next = reduce(start(), { type: "frame", frame: frame({ seq: 2, epoch: 11, notice: "learning rate 0.1 → 0.2", lr: 0.2 }) });
    expect(next.frame.epoch).toBe(11);
    expect(next.notice).toBe("learning rate 0.1 → 0.2");
  });

  it("settings panel: arrows choose and change, Enter sends the whole setting, Esc drops it", () => {
    let s = reduce(start(), key("e"));
    expect(s.panel?.row).toBe(0);
    s = reduce(s, key("", { rightArrow: true }));
    expect(s.panel?.draft.data).toBe("circles");
    expect(s.panel?.draft.noise).toBe(0.1);
    s = reduce(s, key("", { downArrow: true }));
    expect(s.panel?.row).toBe(1);
    const applied = reduce(s, key("", { return: true }));
    expect(applied.panel).toBeUndefined();
    expect(commands(applied)).toEqual([{ type: "apply", setting: { ...DEFAULT_SETTING, data: "circles", noise: 0.1 } }]);
    expect(reduce(s, key("", { escape: true })).effects).toEqual([]);
  });
});

describe("setting steps", () => {
  it("numbers move along their ladder, off-ladder values to the next ladder value", () => {
    const lr = [0.001, 0.003, 0.01, 0.03, 0.1];
    expect(alongLadder(lr, 0.01, 1)).toBe(0.03);
    expect(alongLadder(lr, 0.01, -1)).toBe(0.003);
    expect(alongLadder(lr, 0.02, 1)).toBe(0.03);
    expect(alongLadder(lr, 0.02, -1)).toBe(0.01);
    expect(alongLadder(lr, 0.1, 1)).toBe(0.1);
  });

  it("shipped data sets have no noise or sample count to change; names cycle", () => {
    const iris = stepSetting({ ...DEFAULT_SETTING, data: "digits" }, "data", -1);
    expect(iris.data).toBe("breast-cancer");
    expect(iris.samples).toBe(0);
    expect(stepSetting(iris, "noise", 1)).toBe(iris);
    expect(stepSetting(DEFAULT_SETTING, "activation", 1).activation).toBe("leaky-relu");
    expect(stepSetting(DEFAULT_SETTING, "batchSize", 1).batchSize).toBe(1);
  });
});

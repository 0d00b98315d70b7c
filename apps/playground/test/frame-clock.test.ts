import { DEFAULT_SETTING, TrainingDriver, weightsFingerprint } from "@nn/studio";
import { describe, expect, it } from "vitest";
import type { Frame, Speed, View } from "../src/protocol.js";
import { FrameClock } from "../src/worker/frame-clock.js";

const VIEW: View = { decision: { cols: 8, rows: 8 }, neurons: { cols: 4, rows: 4 } };
const SMALL = { ...DEFAULT_SETTING, samples: 60, layers: [3], epochs: 1000 };

/**
 * A clock on a paused driver whose scheduled tasks run only when the test says so. The driver's
 * clock stands still, so a training slice never runs out of time: epochs per frame are the speed's.
 */
function setup(speed: Speed, setting = SMALL): { driver: TrainingDriver; clock: FrameClock; frames: Frame[]; run: (max?: number) => void } {
  const driver = new TrainingDriver(setting, { now: () => 0 });
  driver.pause();
  const frames: Frame[] = [];
  const tasks: (() => void)[] = [];
  const clock = new FrameClock(driver, VIEW, speed, { post: (f) => frames.push(f), schedule: (t) => tasks.push(t) });
  const run = (max = 10_000): void => {
    for (let i = 0; i < max && tasks.length > 0; i++) tasks.shift()!();
  };
  return { driver, clock, frames, run };
}

describe("FrameClock", () => {
  it("posts one frame at the start and nothing more while paused", () => {
    const { clock, frames, run } = setup(1);
    clock.start();
    run();
    expect(frames.map((f) => [f.seq, f.epoch, f.status])).toEqual([[1, 0, "paused"]]);
    clock.handle({ type: "drawn", seq: 1 });
    run();
    expect(frames).toHaveLength(1);
  });

  it("at speed n each frame shows n more epochs, and the next frame waits for the page's ack", () => {
    const { clock, frames, run } = setup(5);
    clock.start();
    run();
    clock.handle({ type: "drawn", seq: 1 });
    clock.handle({ type: "play" });
    run();
    // Play trains the first frame's five epochs and posts; the next five wait for the page's ack.
    expect(frames.map((f) => f.epoch)).toEqual([0, 5]);
    for (let seq = 2; seq <= 4; seq++) {
      clock.handle({ type: "drawn", seq });
      run();
    }
    expect(frames.map((f) => f.epoch)).toEqual([0, 5, 10, 15, 20]);
    // Training runs one frame ahead while the page draws: epochs 21–25 are done when speed changes.
    clock.handle({ type: "speed", speed: 2 });
    clock.handle({ type: "drawn", seq: 5 });
    run();
    clock.handle({ type: "drawn", seq: 6 });
    run();
    expect(frames.map((f) => f.epoch).slice(5)).toEqual([25, 27]);
  });

  it("step trains exactly one epoch from a pause; reset goes back to epoch 0 with the same weights", () => {
    const { driver, clock, frames, run } = setup(1);
    const initial = weightsFingerprint(driver.run.model.parameters());
    clock.start();
    run();
    clock.handle({ type: "drawn", seq: 1 });
    clock.handle({ type: "step" });
    run();
    expect(frames.at(-1)?.epoch).toBe(1);
    expect(frames.at(-1)?.fingerprint).not.toBe(initial);
    clock.handle({ type: "drawn", seq: 2 });
    clock.handle({ type: "reset" });
    run();
    expect(frames.at(-1)).toMatchObject({ epoch: 0, status: "paused", fingerprint: initial });
  });

  it("a refused setting is said in the frame's notice and the run stays as it was", () => {
    const { clock, frames, run } = setup(1);
    clock.start();
    run();
    clock.handle({ type: "drawn", seq: 1 });
    clock.handle({ type: "apply", setting: { ...SMALL, features: [] } });
    run();
    expect(frames.at(-1)?.notice).toBe("setting refused: setting: features needs at least one input");
    expect(frames.at(-1)?.setting).toEqual(SMALL);
  });

  it("marks the held-out points: as many as the split holds out", () => {
    const { clock, frames, run } = setup(1, { ...SMALL, testSplit: 0.25 });
    clock.start();
    run();
    const placed = frames[0].decision!.placed;
    expect(placed).toHaveLength(60);
    expect(placed.filter((p) => p.test)).toHaveLength(15); // ceil(0.25 · 60)
  });
});

import { describe, expect, it } from "vitest";
import { parseTrainArgs } from "../src/args/train-options.js";
import { createDriver } from "../src/session/cli-driver.js";
import { FramePacer, rampEpochs } from "../src/session/frame-pacer.js";
import type { Frame } from "../src/session/worker-protocol.js";

const options = (argv: string[]) => parseTrainArgs(argv).options;
const describeRun = () => ({ data: "d", architecture: "a", parameters: 1, optimizer: "o" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2000 && !check(); i++) await sleep(20);
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

/** A pacer whose frame clock moves only when the test says, so frame contents are exact. */
function pacedRun(argv: string[]) {
  let clock = 0;
  const frames: Frame[] = [];
  const driver = createDriver(options(argv));
  const pacer = new FramePacer(driver, { frameMs: 100, now: () => clock, describe: describeRun, post: (f) => frames.push(f) });
  /** Acknowledges the last frame, lets its epochs train, then moves the clock to the next frame. */
  const nextFrame = async (): Promise<Frame> => {
    const n = frames.length;
    const last = frames[n - 1];
    pacer.handle({ type: "drawn", seq: last.seq });
    // The frame's epochs train (a few ms), then the pacer sleeps until the clock moves on.
    let seen = -1;
    await until(() => {
      const settled = driver.epoch === seen && seen > last.epoch;
      seen = driver.epoch;
      return settled;
    }, `the epochs after epoch ${last.epoch}`);
    clock += 100;
    pacer.handle({ type: "view" }); // any message wakes the loop early
    await until(() => frames.length > n, `frame ${n + 1}`);
    return frames[frames.length - 1];
  };
  return { pacer, frames, nextFrame, driver };
}

describe("FramePacer: the training worker's frame clock", () => {
  it("opens at 1 epoch a frame, then a tenth of the epoch count a frame; nothing is posted before the screen drew the last", async () => {
    const { pacer, frames, nextFrame } = pacedRun(["--epochs", "100000", "--samples", "40", "--layers", "4"]);
    pacer.start();
    await until(() => frames.length === 1, "the first frame");
    await sleep(50);
    expect(frames).toHaveLength(1);
    for (let i = 0; i < 14; i++) await nextFrame();
    pacer.close();
    // Each frame adds ceil(epoch / 10) epochs (at least one) to the frame before: one a frame up to
    // epoch 10, then 10 → 11 → 13 (ceil 1.1 = 2) → 15 → 17 → 19, and so on.
    expect(frames.map((f) => f.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17]);
    expect(frames.map((f) => f.speed)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(frames.every((f) => f.ramping)).toBe(true);
  });

  it("a slow screen does not slow the ramp: a frame drawn late shows the epochs of the intervals it took", async () => {
    let clock = 0;
    const frames: Frame[] = [];
    const driver = createDriver(options(["--epochs", "100000", "--samples", "40", "--layers", "4"]));
    const pacer = new FramePacer(driver, { frameMs: 100, now: () => clock, describe: describeRun, post: (f) => frames.push(f) });
    pacer.start();
    await until(() => frames.length === 1, "the first frame");
    // Ten frames drawn on time reach epoch 10 (one a frame).
    for (let i = 0; i < 10; i++) {
      pacer.handle({ type: "drawn", seq: frames[frames.length - 1].seq });
      await until(() => driver.epoch === i + 1, `epoch ${i + 1}`);
      clock += 100;
      pacer.handle({ type: "view" });
      await until(() => frames.length === i + 2, `frame ${i + 2}`);
    }
    expect(frames[frames.length - 1].epoch).toBe(10);
    // The screen takes 400 ms (four intervals) for the next one: the ramp's 1 epoch an interval
    // goes on, 4 epochs, and the frame posted after the late ack shows all of them.
    clock += 400;
    pacer.handle({ type: "view" });
    await until(() => driver.epoch === 14, "epoch 14 while the frame was in flight");
    pacer.handle({ type: "drawn", seq: frames[frames.length - 1].seq });
    await until(() => frames[frames.length - 1].epoch === 14, "a frame at epoch 14");
    pacer.close();
  });

  it("the ramp plays the default 2000 epochs over about 80 frames (epochs grow by a tenth a frame)", () => {
    let epoch = 0, frames = 0;
    while (epoch < 2000) {
      epoch += rampEpochs(epoch);
      frames++;
    }
    // Ten frames to epoch 10, then ×1.1 a frame (a little more from the rounding up): 10 + log(200)/log(1.1) ≈ 65.6 at most.
    expect(frames).toBeGreaterThan(50);
    expect(frames).toBeLessThanOrEqual(66);
  });

  it("a speed key ends the ramp; paused, nothing is trained or posted until a command", async () => {
    const { pacer, frames, nextFrame, driver } = pacedRun(["--epochs", "100000", "--samples", "40", "--layers", "4"]);
    pacer.start();
    await until(() => frames.length === 1, "the first frame");
    await nextFrame();
    pacer.handle({ type: "speed", delta: 1 });
    const faster = await nextFrame();
    expect(faster.ramping).toBe(false);
    pacer.handle({ type: "toggle" });
    pacer.handle({ type: "drawn", seq: frames[frames.length - 1].seq });
    await until(() => frames[frames.length - 1].status === "paused", "a paused frame");
    const count = frames.length;
    const epoch = driver.epoch;
    pacer.handle({ type: "drawn", seq: frames[frames.length - 1].seq });
    await sleep(100);
    expect(frames).toHaveLength(count);
    expect(driver.epoch).toBe(epoch);
    pacer.close();
  });
});

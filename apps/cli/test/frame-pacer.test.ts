import { describe, expect, it } from "vitest";
import { parseTrainArgs } from "../src/args/train-options.js";
import { createDriver } from "../src/session/cli-driver.js";
import { FramePacer } from "../src/session/frame-pacer.js";
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
  it("opens at 1 epoch a frame and speeds up a step a frame; nothing is posted before the screen drew the last", async () => {
    const { pacer, frames, nextFrame } = pacedRun(["--epochs", "100000", "--samples", "40", "--layers", "4"]);
    pacer.start();
    await until(() => frames.length === 1, "the first frame");
    await sleep(50);
    expect(frames).toHaveLength(1);
    for (let i = 0; i < 6; i++) await nextFrame();
    pacer.close();
    // Frame k shows SPEEDS[k-1] more epochs: 1, 2, 5, 10, 20, 50.
    expect(frames.map((f) => f.epoch)).toEqual([0, 1, 3, 8, 18, 38, 88]);
    expect(frames.map((f) => f.speed)).toEqual([1, 1, 2, 5, 10, 20, 50]);
    expect(frames.every((f) => f.ramping)).toBe(true);
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

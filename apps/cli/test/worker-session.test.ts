import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseTrainArgs } from "../src/args/train-options.js";
import { UsageError } from "../src/args/usage-error.js";
import { WorkerSession } from "../src/session/worker-session.js";
import type { Frame } from "../src/session/worker-protocol.js";
import { appDir, buildBinary } from "./e2e/build-binary.js";

// The live screen's session, with its worker built as `nn` ships it (its own directory: the e2e
// test builds the binary at the same time).
const options = (argv: string[]) => parseTrainArgs(argv).options;
const workDir = mkdtempSync(join(tmpdir(), "nn-worker-"));
let workerUrl: URL;
const open: WorkerSession[] = [];

/** A session whose frames are collected and acknowledged at once, as the screen does after drawing. */
async function start(argv: string[]): Promise<{ session: WorkerSession; frames: Frame[]; next: (check: (f: Frame) => boolean, what: string) => Promise<Frame> }> {
  const session = await WorkerSession.start(options(argv), { workerUrl, frameMs: 20 });
  open.push(session);
  const frames: Frame[] = [session.first];
  session.onFrame((f) => {
    frames.push(f);
    session.send({ type: "drawn", seq: f.seq });
  });
  session.send({ type: "drawn", seq: session.first.seq });
  const next = async (check: (f: Frame) => boolean, what: string): Promise<Frame> => {
    const from = frames.length;
    for (let i = 0; i < 3000; i++) {
      const hit = frames.slice(from).find(check);
      if (hit !== undefined) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no frame with ${what}; last: ${JSON.stringify({ ...frames[frames.length - 1], history: undefined, field: undefined })}`);
  };
  return { session, frames, next };
}

describe("training in a worker thread", () => {
  beforeAll(async () => {
    const cli = await buildBinary(`${appDir}node_modules/.cache/nn-worker-test`);
    workerUrl = pathToFileURL(join(dirname(cli), "training-worker.js"));
  }, 60_000);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.stop().catch(() => undefined)));
  });

  it("frames arrive in order while training; pause holds the epoch, step adds one, lr applies", async () => {
    const { session, frames, next } = await start(["--epochs", "100000", "--samples", "200"]);
    await next((f) => f.epoch >= 5, "epoch ≥ 5");
    session.send({ type: "toggle" });
    const paused = await next((f) => f.status === "paused", "status paused");
    const count = frames.length;
    await new Promise((r) => setTimeout(r, 200));
    // Paused: nothing changes, so no frame comes at all.
    expect(frames.length).toBe(count);
    session.send({ type: "step" });
    expect((await next(() => true, "a frame after step")).epoch).toBe(paused.epoch + 1);
    session.send({ type: "scale-lr", factor: 0.5 });
    expect((await next(() => true, "a frame after scale-lr")).lr).toBe(0.05);
    const seqs = frames.map((f) => f.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const epochs = frames.map((f) => f.epoch);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
  });

  it("restart keeps the live learning rate and trains the next seed from epoch 0", async () => {
    const { session, next } = await start(["--epochs", "100000", "--samples", "200"]);
    await next((f) => f.epoch >= 3, "epoch ≥ 3");
    session.send({ type: "scale-lr", factor: 4 });
    session.send({ type: "restart" });
    const restarted = await next((f) => f.seed === 2, "seed 2");
    expect(restarted.lr).toBe(0.4);
    expect(restarted.epoch).toBeLessThan(3);
    const later = await next((f) => f.epoch >= 2, "the new run training");
    expect(later.status).toBe("running");
    expect(later.seed).toBe(2);
  });

  it("stops at DONE; space trains on past the epoch count", async () => {
    const { session, next } = await start(["--epochs", "30", "--samples", "40"]);
    const done = await next((f) => f.status === "done", "done");
    expect(done.epoch).toBe(30);
    session.send({ type: "toggle" });
    const past = await next((f) => f.epoch > 30, "an epoch past 30");
    expect(past.target).toBe(Infinity);
  });

  it("a map of the size the screen asks for comes with the frames", async () => {
    const { session, next } = await start(["--epochs", "100000", "--samples", "200"]);
    session.send({ type: "view", map: { cols: 12, rows: 8 }, neurons: { cols: 4, rows: 4 } });
    const frame = await next((f) => f.field !== undefined && f.network !== undefined, "a map");
    expect(frame.field!.cols).toBe(12);
    expect(frame.field!.classes).toHaveLength(96);
    expect(frame.network!.layers.map((l) => l.units)).toEqual([2, 64, 32, 1]);
  });

  it("a changed setting that needs a new network restarts; a bad one is refused with a notice", async () => {
    const { session, next } = await start(["--epochs", "100000", "--samples", "200"]);
    const first = await next((f) => f.epoch >= 2, "epoch ≥ 2");
    session.send({ type: "apply", setting: { ...first.setting, layers: [4, 2], activation: "tanh" } });
    const rebuilt = await next((f) => f.runId !== first.runId, "a new run");
    expect(rebuilt.description.architecture).toContain("2→4→2→1 · Tanh");
    expect(rebuilt.notice).toBe("new network: restarted");
    session.send({ type: "apply", setting: { ...rebuilt.setting, data: "iris", samples: 0, noise: 0, features: ["x1", "x2", "x1x2"] } });
    const refused = await next((f) => f.notice !== undefined, "a notice");
    expect(refused.notice).toMatch(/setting refused: .*need a 2-D data set; iris has 4 features/);
    expect(refused.setting.data).toBe("moons");
  });

  it("s saves where --save says; stop saves again and ends the thread", async () => {
    const path = join(workDir, "w.json");
    const { session } = await start(["--epochs", "100000", "--samples", "100", "--save", path]);
    expect(await session.save()).toBe(path);
    expect(existsSync(path)).toBe(true);
    expect(await session.stop()).toBe(path);
  });

  it("a diverging run ends as failed with the reason", async () => {
    // As in plain-output.test.ts: three classes at lr 1e38 overflow the logits within two steps.
    const { next } = await start(["--data", "blobs", "--epochs", "50", "--samples", "100", "--lr", "1e38", "--layers", "8"]);
    const failed = await next((f) => f.status === "failed", "failed");
    expect(failed.error).toMatch(/^training diverged at epoch \d+, batch \d+: .*Try a lower --lr .*--clip 1\./);
  });

  it("a run that cannot be built is a usage error", async () => {
    const missing = join(workDir, "missing.csv");
    await expect(WorkerSession.start(options(["--data", missing]), { workerUrl })).rejects.toThrow(UsageError);
    await expect(WorkerSession.start(options(["--data", missing]), { workerUrl })).rejects.toThrow(`cannot use ${missing} as data`);
  });
});

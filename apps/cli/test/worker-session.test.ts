import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseTrainArgs } from "../src/args/train-options.js";
import { UsageError } from "../src/args/usage-error.js";
import { TrainingSession } from "../src/session/training-session.js";
import { WorkerSession } from "../src/session/worker-session.js";
import type { EpochPoint } from "../src/state/trainer-state.js";
import { appDir, buildBinary } from "./e2e/build-binary.js";

// The live screen's session, with its worker built as `nn` ships it (its own directory: the e2e
// test builds the binary at the same time).
const options = (argv: string[]) => parseTrainArgs(argv).options;
const workDir = mkdtempSync(join(tmpdir(), "nn-worker-"));
let workerUrl: URL;
const open: WorkerSession[] = [];
const start = async (argv: string[]): Promise<WorkerSession> => {
  const session = await WorkerSession.start(options(argv), { workerUrl });
  open.push(session);
  return session;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("training in a worker thread", () => {
  beforeAll(async () => {
    const cli = await buildBinary(`${appDir}node_modules/.cache/nn-worker-test`);
    workerUrl = pathToFileURL(join(dirname(cli), "training-worker.js"));
  }, 60_000);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.stop().catch(() => undefined)));
  });

  it("reports every epoch once, in order; pause holds the epoch it shows, step adds one, lr applies", async () => {
    const session = await start(["--epochs", "100000", "--samples", "200"]);
    const points: EpochPoint[] = [];
    const take = (): number => {
      const snap = session.snapshot();
      points.push(...snap.newPoints);
      return snap.epoch;
    };
    await vi.waitFor(() => expect(take()).toBeGreaterThan(3), { timeout: 20_000 });
    session.pause();
    const paused = take();
    await sleep(300);
    expect(take()).toBe(paused);
    session.step();
    await vi.waitFor(() => expect(take()).toBe(paused + 1), { timeout: 5_000 });
    await sleep(200);
    expect(take()).toBe(paused + 1);
    expect(points.map((p) => p.epoch)).toEqual(Array.from({ length: paused + 1 }, (_, i) => i + 1));
    session.setLr(0.05);
    await vi.waitFor(() => expect(session.snapshot().lr).toBe(0.05), { timeout: 5_000 });
  });

  it("its decision map is the one the same run draws on the main thread at the same epoch", async () => {
    const argv = ["--epochs", "100000", "--samples", "200"];
    const session = await start(argv);
    await vi.waitFor(() => expect(session.snapshot().epoch).toBeGreaterThan(0), { timeout: 20_000 });
    session.pause();
    const epoch = session.snapshot().epoch;
    let field = session.decisionField(12, 8);
    await vi.waitFor(() => {
      field = session.decisionField(12, 8);
      expect(field).toBeDefined();
    }, { timeout: 5_000 });
    // Same options and seed, trained epoch by epoch here: training is deterministic, so equal maps
    // mean the worker trained the same model for the same number of epochs.
    const local = new TrainingSession(options(argv));
    local.pause();
    for (let e = 0; e < epoch; e++) local.step();
    const expected = local.decisionField(12, 8)!;
    expect([...field!.classes]).toEqual([...expected.classes]);
    expect([...field!.confidence]).toEqual([...expected.confidence]);
  });

  it("restart drops the old run's reports and trains the new seed from epoch 1", async () => {
    const session = await start(["--epochs", "100000", "--samples", "200"]);
    await vi.waitFor(() => expect(session.snapshot().epoch).toBeGreaterThan(3), { timeout: 20_000 });
    session.restart(2);
    const points: EpochPoint[] = [];
    await vi.waitFor(() => {
      const snap = session.snapshot();
      if (snap.seed === 2) points.push(...snap.newPoints);
      expect(points.length).toBeGreaterThan(2);
    }, { timeout: 10_000 });
    expect(points[0].epoch).toBe(1);
  });

  it("s saves where --save says; stop saves again and ends the thread", async () => {
    const path = join(workDir, "model.json");
    const session = await start(["--epochs", "100000", "--samples", "200", "--save", path]);
    await expect(session.save()).resolves.toBe(path);
    expect(existsSync(path)).toBe(true);
    await expect(session.stop()).resolves.toBe(path);
    await expect(session.save()).rejects.toThrow(/stopped/);
  });

  it("a diverging run ends as failed, with the reason the main-thread session gives", async () => {
    // As in plain-output.test.ts: three classes at lr 1e38 overflow the logits within two steps.
    const session = await start(["--data", "blobs", "--epochs", "50", "--samples", "100", "--lr", "1e38", "--layers", "8"]);
    await vi.waitFor(() => expect(session.snapshot().finished).toBe(true), { timeout: 10_000 });
    expect(session.snapshot().error).toMatch(/^training diverged at epoch \d+, batch \d+: .*Try a lower --lr .*--clip 1\./);
    expect(session.failure?.message).toBe(session.snapshot().error);
  });

  it("a run that cannot be built is a usage error, as on the main thread", async () => {
    const missing = join(workDir, "missing.csv");
    await expect(WorkerSession.start(options(["--data", missing]), { workerUrl })).rejects.toThrow(UsageError);
    await expect(WorkerSession.start(options(["--data", missing]), { workerUrl })).rejects.toThrow(`cannot use ${missing} as data`);
  });
});

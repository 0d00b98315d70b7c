import { describe, expect, it } from "vitest";
import { parseTrainArgs } from "../src/args/train-options.js";
import { TrainingSession } from "../src/session/training-session.js";
import type { EpochPoint } from "../src/state/trainer-state.js";

const options = (argv: string[]) => parseTrainArgs(argv).options;

describe("training session", () => {
  it("trains the seed network on two-moons to a held-out accuracy above 90%", async () => {
    const points: EpochPoint[] = [];
    const session = new TrainingSession(options(["--epochs", "300", "--samples", "400", "--optimizer", "adam", "--lr", "0.01"]), { onEpoch: (_e, p) => points.push(p) });
    session.start();
    await session.whenFinished();
    expect(session.failure).toBeUndefined();
    expect(points).toHaveLength(300);
    expect(points.map((p) => p.epoch)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const last = points[points.length - 1];
    // Two moons with noise 0.2 is separable up to the noise; a 2-64-32-1 net trained with Adam reaches > 90% on 100 held-out points, which no linear boundary does (about 86%).
    expect(last.valAccuracy).toBeGreaterThan(0.9);
    expect(last.loss).toBeLessThan(points[0].loss);
    const snap = session.snapshot();
    expect(snap.finished).toBe(true);
    expect(snap.layerNorms.map((l) => l.name)).toHaveLength(3);
  });

  it("pause stops training, step runs exactly one epoch, lr changes apply", async () => {
    const session = new TrainingSession(options(["--epochs", "100000", "--samples", "200"]));
    session.start();
    while (session.epoch < 3) await new Promise((r) => setTimeout(r, 5));
    session.pause();
    await new Promise((r) => setTimeout(r, 30));
    const at = session.epoch;
    await new Promise((r) => setTimeout(r, 50));
    expect(session.epoch).toBe(at);
    session.step();
    expect(session.epoch).toBe(at + 1);
    session.setLr(0.05);
    expect(session.snapshot().lr).toBe(0.05);
    session.restart(9);
    expect(session.epoch).toBe(0);
    expect(session.snapshot().seed).toBe(9);
    // The restarted run trains even though the old one was paused.
    while (session.epoch < 2) await new Promise((r) => setTimeout(r, 5));
    await session.stop();
  });

  it("the decision map covers the data and agrees with the model's training accuracy", async () => {
    const session = new TrainingSession(options(["--epochs", "200", "--samples", "300", "--optimizer", "adam", "--lr", "0.01"]));
    session.start();
    await session.whenFinished();
    const field = session.decisionField(40, 40)!;
    expect(field.points).toHaveLength(300);
    // Every point lies inside the grid (5% margins around the data).
    expect(field.points.every((p) => p.col >= 0 && p.col < 40 && p.row >= 0 && p.row < 40)).toBe(true);
    // Most points sit on a pixel predicted as their own class.
    const agree = field.points.filter((p) => field.classes[p.row * 40 + p.col] === p.cls).length;
    expect(agree / field.points.length).toBeGreaterThan(0.9);
    expect(new Set(field.classes)).toEqual(new Set([0, 1]));
  });
});

import { describe, expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

describe("not a terminal: plain lines and --json", () => {
  it("prints progress lines and a final summary, no escape codes", async () => {
    const r = await runCli(["train", "--epochs", "30", "--samples", "200", "--layers", "8"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("\u001b[");
    const lines = r.stdout.trimEnd().split("\n");
    const epochLines = lines.filter((l) => l.startsWith("epoch"));
    // 30 epochs ≤ 50: one line per epoch.
    expect(epochLines).toHaveLength(30);
    expect(epochLines[0]).toMatch(/^epoch {2}1\/30 {2}loss \d\.\d{4} {2}acc \d+\.\d% {2}val_loss \d\.\d{4} {2}val_acc \d+\.\d% {2}lr 0\.1 /);
    expect(lines).toContain("done: 30 epochs in " + /done: 30 epochs in (\d+\.\d) s/.exec(r.stdout)![1] + " s");
    expect(r.stdout).toMatch(/ {2}validation {2}loss \d\.\d{4} {2}accuracy \d+\.\d%/);
  });

  it("thins long runs to about 20 lines", async () => {
    const r = await runCli(["train", "--epochs", "200", "--samples", "100", "--layers", "4"]);
    const epochs = r.stdout.split("\n").filter((l) => l.startsWith("epoch")).map((l) => Number(/epoch +(\d+)/.exec(l)![1]));
    expect(epochs).toEqual([1, ...Array.from({ length: 20 }, (_, i) => (i + 1) * 10)]);
  });

  it("--json writes one parseable object per epoch with the held-out metrics", async () => {
    const r = await runCli(["train", "--epochs", "12", "--samples", "200", "--layers", "8", "--json"]);
    expect(r.code).toBe(0);
    const records = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, number>);
    expect(records.map((o) => o.epoch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const o of records) {
      for (const key of ["loss", "accuracy", "valLoss", "valAccuracy", "lr"]) expect(typeof o[key]).toBe("number");
      expect(o.accuracy).toBeGreaterThanOrEqual(0);
      expect(o.valAccuracy).toBeLessThanOrEqual(1);
      expect(o.lr).toBe(0.1);
    }
    // The summary stays off stdout.
    expect(r.stderr).toContain("done: 12 epochs");
  });

  it("a diverging run exits 1 and says why", async () => {
    // Three classes, logits through softmax cross-entropy: at lr 1e38 the second step's logits overflow.
    const r = await runCli(["train", "--data", "blobs", "--epochs", "50", "--samples", "100", "--lr", "1e38", "--layers", "8"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^training failed after \d+ epochs: training diverged at epoch \d+, batch \d+: .*Try a lower --lr \(it is 1\.00e\+38; try --lr 0\.1\), --clip 1\./);
    expect(r.stdout).not.toContain("done:");
  });
});

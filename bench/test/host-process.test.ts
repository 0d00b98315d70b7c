import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { nnTrainer } from "../src/impl/nn-mlp.js";
import { HostProcess } from "../src/isolated/host-process.js";
import { numpyHosts } from "../src/numpy-runner.js";
import { w1Jobs } from "../src/workloads/w1.js";

/** A host written inline: answers "sample" with the units it was asked for, fails on "loss", exits on "result". */
const FAKE_HOST = `
const rl = require("node:readline").createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const r = JSON.parse(line);
  if (r.op === "result") { process.stderr.write("fake host: giving up\\n"); process.exit(3); }
  const answer = r.op === "sample" ? { seconds: r.units / 1000 } : r.op === "loss" ? { error: "no loss here" } : {};
  process.stdout.write(JSON.stringify(answer) + "\\n");
});`;

describe("HostProcess", () => {
  it("sends one request per line and reads one answer each, in order", async () => {
    const host = new HostProcess("fake", process.execPath, ["-e", FAKE_HOST], "cpu");
    try {
      await host.run(3);
      expect(await host.sample(7)).toBe(0.007);
      expect(await host.sample(2)).toBe(0.002);
    } finally {
      await host.close();
    }
  });

  it("names the host and the request when the host answers with an error, and keeps serving", async () => {
    const host = new HostProcess("fake", process.execPath, ["-e", FAKE_HOST], "cpu");
    try {
      await expect(host.loss()).rejects.toThrow(/^fake: "loss" failed: no loss here/);
      expect(await host.sample(1)).toBe(0.001);
    } finally {
      await host.close();
    }
  });

  it("names the exit code and the host's last words when it dies", async () => {
    const host = new HostProcess("fake", process.execPath, ["-e", FAKE_HOST], "cpu");
    await expect(host.result("/nonexistent")).rejects.toThrow(/^fake: the process exited with code 3 during "result"\nfake host: giving up$/);
  });

  it("names a command that cannot start", async () => {
    const host = new HostProcess("ghost", "/nonexistent/python3", [], "cpu");
    await expect(host.sample(1)).rejects.toThrow(/^ghost: the process .*ENOENT.* during "sample"/);
  });
});

const hasNumpy = spawnSync("python3", ["-c", "import numpy"]).status === 0;

// NumPy's host trains from the same bytes as nn: after the same steps both reach the same loss.
describe.skipIf(!hasNumpy)("NumPy's host process", () => {
  it("takes the same SGD steps as nn's trainer, through warm, run, sample and loss", async () => {
    const job = w1Jobs(true)[1]; // W1 batch 32
    const rows = numpyHosts([job], [], "cpu");
    const host = rows.start("training", 0);
    try {
      expect(await host.warm(0)).toBe(1); // one step, then back to the spec's weights (reset)
      await host.run(5);
      expect(await host.sample(4)).toBeGreaterThan(0);
      const nn = nnTrainer(job.spec);
      for (let s = 0; s < 9; s++) nn.run();
      const expected = nn.loss(), got = await host.loss();
      expect(!(Math.abs(got - expected) / expected <= 1e-4)).toBe(false);
    } finally {
      await host.close();
      rows.dispose();
    }
  });
});

// The seed study's float64 agreement check, rerun: the NumPy implementation in
// reference/seed_numpy.py against nn, from the same exported starting point. Needs /usr/bin/python3
// with NumPy (Debian's python3-numpy, also pulled in by the python3-torch that .ci/run installs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nnReferenceLosses, referenceModelAndData } from "../src/experiment/seed-reference.js";

const PYTHON = "/usr/bin/python3";
const SCRIPT = new URL("../reference/seed_numpy.py", import.meta.url).pathname;
const STORED = new URL("../reference/seed-numpy.json", import.meta.url).pathname;

function numpyMissing(): string | undefined {
  const probe = spawnSync(PYTHON, ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.status === 0) return undefined;
  if (process.env.NN_PYTORCH_BRIDGE === "deferred") return "deferred: NumPy arrives with python3-torch, which .ci/run installs in the background and then runs this file";
  return `${PYTHON} cannot import numpy (${probe.error?.message ?? probe.stderr.trim().split("\n").pop()}); apt-get install -y python3-numpy`;
}

interface NumpyOutput { losses: number[]; final: { weight: number[][]; bias: number[] }[] }

describe("reference/seed_numpy.py against nn, float64, same initial weights", () => {
  const skip = numpyMissing();
  it.skipIf(skip !== undefined)(`agrees epoch by epoch over 150 epochs, and reproduces the stored reference${skip === undefined ? "" : ` (skipped: ${skip})`}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-seed-numpy-"));
    try {
      const input = { ...referenceModelAndData().input, epochs: 150 };
      writeFileSync(join(dir, "input.json"), JSON.stringify(input));
      const run = spawnSync(PYTHON, [SCRIPT, join(dir, "input.json")], { encoding: "utf8", maxBuffer: 1 << 26 });
      expect(run.status, run.stderr).toBe(0);
      const fresh = JSON.parse(run.stdout) as NumpyOutput;
      const nn = nnReferenceLosses(150);
      expect(fresh.losses.length).toBe(150);
      let worst = 0;
      fresh.losses.forEach((v, e) => { worst = Math.max(worst, Math.abs(nn[e] - v) / v); });
      // Summation order differs (BLAS against nn's kernels): agreement to rounding, not bit for bit.
      expect(worst <= 1e-12, `largest relative difference ${worst}`).toBe(true);
      // The loss really moves (a frozen network on both sides would also agree).
      expect(fresh.losses[149] < 0.7 * fresh.losses[0]).toBe(true);
      const stored = JSON.parse(readFileSync(STORED, "utf8")) as NumpyOutput;
      fresh.losses.forEach((v, e) => expect(Math.abs(stored.losses[e] - v) <= 1e-13 * v).toBe(true));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

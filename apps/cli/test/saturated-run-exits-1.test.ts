// Issue 19 item 5 and issue 15's "advice in CLI terms": `nn train --lr 1e6` sat at loss 50 with a
// zero gradient, printed "done" and exited 0; `--lr 1e30` failed inside the loss with advice about
// BCEWithLogits. Both now exit 1 naming the epoch, the batch and the flags to change.
import { TrainingDivergedError } from "@nn/train";
import { describe, expect, it } from "vitest";
import { failureInCliTerms } from "../src/report/failure-advice.js";
import { formatMetric } from "../src/report/format-number.js";
import { runCli } from "./fixtures/run-cli.js";

describe("saturated and diverging runs fail with advice in flags", () => {
  it("--lr 1e6: exit 1 at epoch 6 instead of 'done' at epoch 200", async () => {
    const r = await runCli(["train", "--lr", "1e6", "--epochs", "200", "--samples", "200", "--plain"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("done:");
    expect(r.stderr).toMatch(
      /^training failed after 6 epochs: the network saturated and stopped learning \(epoch 6, batch 1\): for 5 epochs the loss stayed near 50\.0000 \(guessing the class shares scores 0\.6931\), the accuracy at 50\.0% \(chance: 50\.0%\)/,
    );
    expect(r.stderr).toContain("Try a lower --lr (it is 1.00e+6; try --lr 0.1), --clip 1.");
  });

  it("--clip 1 already given: only the learning rate is suggested", async () => {
    const r = await runCli(["train", "--lr", "1e6", "--clip", "1", "--epochs", "200", "--samples", "200", "--plain"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Try a lower --lr (it is 1.00e+6; try --lr 0.1).");
  });

  it("--lr 1e30: diverges at epoch 1, batch 1 in the validation pass, not inside the loss", async () => {
    const r = await runCli(["train", "--lr", "1e30", "--epochs", "20", "--samples", "200", "--plain"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/training diverged at epoch 1, batch 1: the validation output contains NaN\. Try a lower --lr \(it is 1\.00e\+30; try --lr 0\.1\), --clip 1\./);
    expect(r.stderr).not.toContain("BCEWithLogits");
  });

  it("the default run still completes with exit 0", async () => {
    const r = await runCli(["train", "--epochs", "60", "--samples", "200", "--plain"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("done: 60 epochs");
  });

  it("unscaled inputs are advised as a flag too, and other errors pass through", () => {
    const diverged = new TrainingDivergedError({
      epoch: 3, batch: 2, step: 9, quantity: "loss", value: Infinity, lr: 0.5, maxAbsInput: 2e6, clipping: false,
    });
    expect(failureInCliTerms(diverged).message).toBe(
      "training diverged at epoch 3, batch 2: the loss is Infinity. Try standardised inputs (drop --no-standardize), a lower --lr (it is 0.5; try --lr 0.05), --clip 1.",
    );
    const other = new RangeError("something else");
    expect(failureInCliTerms(other)).toBe(other);
  });
});

describe("legend-shows-formatted-numbers (was 4.975734114436552e+24)", () => {
  it("four decimals while readable, an exponent beyond", () => {
    expect(formatMetric(4.975734114436552e24)).toBe("4.976e+24");
    expect(formatMetric(0.19982)).toBe("0.1998");
    expect(formatMetric(50)).toBe("50.0000");
    expect(formatMetric(12345.6)).toBe("1.235e+4");
    expect(formatMetric(0.00001234)).toBe("1.234e-5");
    expect(formatMetric(0)).toBe("0.0000");
    expect(formatMetric(NaN)).toBe("NaN");
  });
});

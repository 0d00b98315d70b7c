import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands/registry.js";
import { runCli } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "nn-cli-errors-"));

/** Exit 2, exactly one line on stderr, nothing that looks like a stack trace. */
async function expectUsage(argv: string[], message: string | RegExp): Promise<void> {
  const r = await runCli(argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (typeof message === "string") expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
}

describe("bad input: one clear line, exit code 2", () => {
  it("unknown command, flag and data set", async () => {
    await expectUsage(["fly"], `nn: unknown command "fly" (commands: ${COMMANDS.map((c) => c.name).join(", ")})`);
    await expectUsage(["train", "--speed", "3"], "nn train: unknown flag --speed (did you mean --seed?)");
    await expectUsage(["train", "--colour", "3"], "nn train: unknown flag --colour");
    await expectUsage(["--data", "mnist"], /^nn train: --data must be one of moons, .* or a \.csv file, got mnist$/);
  });

  it("a negative learning rate and a malformed --layers", async () => {
    await expectUsage(["train", "--lr", "-1"], "nn train: --lr must be a positive number, got -1");
    await expectUsage(
      ["train", "--layers", "64,,x"],
      "nn train: --layers must be a comma-separated list of positive whole numbers (e.g. 64,32), got 64,,x",
    );
  });

  // Issue 19 item 13: "--gamma 2" said "must be a positive number, got 2".
  it("a decay factor outside (0, 1] states the whole range", async () => {
    await expectUsage(["train", "--schedule", "step", "--gamma", "2"], "nn train: --gamma must be a number in (0, 1], got 2");
    await expectUsage(["train", "--gamma", "0"], "nn train: --gamma must be a number in (0, 1], got 0");
  });

  it("option combinations a constructor refuses become usage errors", async () => {
    await expectUsage(["train", "--optimizer", "adam", "--beta1", "1"], "nn train: --beta1 must be a number in [0, 1), got 1");
  });

  it("a missing or corrupt model file", async () => {
    const csv = join(dir, "in.csv");
    writeFileSync(csv, "0,0\n");
    await expectUsage(["predict", "--model", join(dir, "absent.json"), "--input", csv], `nn predict: model file ${join(dir, "absent.json")} does not exist`);
    const corrupt = join(dir, "corrupt.json");
    writeFileSync(corrupt, '{"format":"nn-model","version":1,"layers":');
    await expectUsage(["predict", "--model", corrupt, "--input", csv], new RegExp(`^nn predict: ${corrupt} is not a usable model file: `));
    await expectUsage(["summary", "--model", corrupt], new RegExp(`^nn summary: ${corrupt} is not a usable model file: `));
    await expectUsage(["predict", "--input", csv], "nn predict: --model is required");
  });

  it("a missing CSV file for training", async () => {
    await expectUsage(["train", "--data", join(dir, "nope.csv")], new RegExp(`^nn: cannot use ${join(dir, "nope.csv")} as data: `));
  });

  it("--help prints usage and exits 0", async () => {
    const r = await runCli(["train", "--help"]);
    expect(r.code).toBe(0);
    for (const flag of ["--data", "--layers", "--activation", "--init", "--optimizer", "--lr", "--schedule", "--epochs", "--batch-size", "--dropout", "--l2", "--test-split", "--seed", "--save", "--json"]) {
      expect(r.stdout).toContain(flag);
    }
    const top = await runCli(["--help"]);
    expect(top.stdout).toContain("gradcheck");
  });
});

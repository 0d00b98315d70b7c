// Issue 15: did-you-mean for commands, flags and data set names; issue 19 item 12: one number
// grammar (decimal and exponent) for every numeric flag: `--lr 0x10` was 16, `1_000` and `""` slipped.
import { describe, expect, it } from "vitest";
import { parseDecimal as readDecimal } from "@nn/tensor";
import { main } from "../src/main.js";
import { parseTrainArgs } from "../src/args/train-options.js";
import { UsageError } from "../src/args/usage-error.js";

async function usageLine(argv: string[]): Promise<{ code: number; line: string }> {
  let err = "";
  const sink = { write: (s: string) => ((err += s), true) };
  const code = await main(argv, { stdout: { write: () => true }, stderr: sink });
  return { code, line: err.trim() };
}

function usage(argv: string[]): string {
  try {
    parseTrainArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("did-you-mean: commands, flags and data set names (exit 2)", () => {
  it.each([
    [["trian"], 'nn: unknown command "trian" (did you mean train?)'],
    [["predcit", "m.json"], 'nn: unknown command "predcit" (did you mean predict?)'],
    [["train", "--dataset", "moons"], "nn train: unknown flag --dataset (did you mean --data?)"],
    [["train", "--epoch", "3"], "nn train: unknown flag --epoch (did you mean --epochs?)"],
    [["train", "--learning-rate=0.1"], "nn train: unknown flag --learning-rate"],
  ])("%j", async (argv, expected) => {
    const { code, line } = await usageLine(argv);
    expect(code).toBe(2);
    expect(line).toBe(expected);
  });

  it("data set names and other named choices", () => {
    expect(usage(["--data", "moon"])).toMatch(/got moon \(did you mean moons\?\)$/);
    expect(usage(["--data", "breast_cancer"])).toMatch(/got breast_cancer \(did you mean breast-cancer\?\)$/);
    expect(usage(["--optimizer", "adma"])).toBe("nn train: --optimizer must be one of sgd, adam, adamw, rmsprop, adagrad, got adma (did you mean adam?)");
    expect(usage(["--activation", "relu6"])).toMatch(/got relu6 \(did you mean relu\?\)$/);
    expect(usage(["--data", "mnist"])).toMatch(/got mnist$/);
  });
});

describe("one number grammar for every numeric flag", () => {
  it("reads decimals and exponents, and nothing else", () => {
    expect(readDecimal("0.1")).toBe(0.1);
    expect(readDecimal(".5")).toBe(0.5);
    expect(readDecimal("5.")).toBe(5);
    expect(readDecimal("-2")).toBe(-2);
    expect(readDecimal("+3")).toBe(3);
    expect(readDecimal("1e-3")).toBe(0.001);
    expect(readDecimal("2E+6")).toBe(2e6);
    for (const bad of ["0x10", "0b11", "0o7", "1_000", "", " ", " 1", "1 ", "Infinity", "NaN", "1e", "e3", ".", "1.2.3", "--1", "1e999"]) {
      expect(readDecimal(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it.each([
    [["--lr", "0x10"], "nn train: --lr must be a positive number (decimal, e.g. 0.01 or 1e-2), got 0x10"],
    [["--lr", "0b11"], "nn train: --lr must be a positive number (decimal, e.g. 0.01 or 1e-2), got 0b11"],
    [["--lr="], 'nn train: --lr must be a positive number (decimal, e.g. 0.01 or 1e-2), got ""'],
    [["--momentum", "0x0"], "nn train: --momentum must be a number in [0, 1) (decimal, e.g. 0.01 or 1e-2), got 0x0"],
    [["--epochs", "1_000"], "nn train: --epochs must be a positive whole number, got 1_000"],
    [["--epochs", "0x10"], "nn train: --epochs must be a positive whole number, got 0x10"],
    [["--seed", "0b1"], "nn train: --seed must be a whole number ≥ 0, got 0b1"],
    [["--layers", "0x10,8"], "nn train: --layers must be a comma-separated list of positive whole numbers (e.g. 64,32), got 0x10,8"],
  ])("refuses %j naming the flag", (argv, expected) => {
    expect(usage(argv)).toBe(expected);
  });

  it("whole-number flags take the same grammar: 1e3 epochs is 1000, 2.5 is refused", () => {
    expect(parseTrainArgs(["--epochs", "1e3", "--layers", "1e1,4"]).options).toMatchObject({ epochs: 1000, layers: [10, 4] });
    expect(usage(["--epochs", "2.5"])).toBe("nn train: --epochs must be a positive whole number, got 2.5");
  });
});

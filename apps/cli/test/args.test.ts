import { describe, expect, it } from "vitest";
import { parseTrainArgs, DEFAULT_TRAIN_OPTIONS } from "../src/args/train-options.js";
import { UsageError } from "../src/args/usage-error.js";

const usage = (argv: string[]): string => {
  try {
    parseTrainArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(" ")}`);
};

describe("nn train flags", () => {
  it("defaults to the seed network's setting", () => {
    const { options, display } = parseTrainArgs([]);
    expect(options).toEqual(DEFAULT_TRAIN_OPTIONS);
    expect(options.layers).toEqual([64, 32]);
    expect(options.lr).toBe(0.1);
    expect(options.epochs).toBe(2000);
    expect(options.testSplit).toBe(0.25);
    expect(options.data).toEqual({ kind: "builtin", name: "moons", samples: 1000, noise: 0.2 });
    expect(display).toEqual({ json: false, plain: false, fps: 12 });
  });

  it("reads every kind of flag", () => {
    const { options, display } = parseTrainArgs([
      "--data", "spirals", "--samples", "300", "--noise", "0.05", "--layers", "16,8,4", "--activation", "tanh",
      "--init", "xavier-uniform", "--optimizer", "adam", "--lr", "0.01", "--schedule", "cosine", "--step-size", "100",
      "--epochs", "50", "--batch-size", "32", "--dropout", "0.1", "--l2", "1e-4", "--test-split", "0.2",
      "--seed", "7", "--save", "m.json", "--json",
    ]);
    expect(options).toMatchObject({
      data: { kind: "builtin", name: "spirals", samples: 300, noise: 0.05 },
      layers: [16, 8, 4], activation: "tanh", init: "xavier-uniform", optimizer: "adam", lr: 0.01,
      schedule: "cosine", stepSize: 100, epochs: 50, batchSize: 32, dropout: 0.1, l2: 1e-4, testSplit: 0.2,
      seed: 7, save: "m.json",
    });
    expect(display.json).toBe(true);
  });

  it("takes a CSV file as data", () => {
    const { options } = parseTrainArgs(["--data", "points.csv", "--label-column", "species"]);
    expect(options.data).toEqual({ kind: "csv", path: "points.csv", labelColumn: "species" });
  });

  it("uses the optimizer's own default learning rate when --lr is not given", () => {
    expect(parseTrainArgs(["--optimizer", "adam"]).options.lr).toBe(0.001);
    expect(parseTrainArgs(["--optimizer", "adamw"]).options.weightDecay).toBe(0.01);
  });

  it("explains bad values in one line naming the flag", () => {
    expect(usage(["--lr", "-1"])).toBe("nn train: --lr must be a positive number, got -1");
    expect(usage(["--lr=-1"])).toBe("nn train: --lr must be a positive number, got -1");
    expect(usage(["--lr", "abc"])).toBe("nn train: --lr must be a positive number (decimal, e.g. 0.01 or 1e-2), got abc");
    expect(usage(["--layers", "64,,x"])).toBe(
      "nn train: --layers must be a comma-separated list of positive whole numbers (e.g. 64,32), got 64,,x",
    );
    expect(usage(["--epochs", "2.5"])).toBe("nn train: --epochs must be a positive whole number, got 2.5");
    expect(usage(["--test-split", "1"])).toBe("nn train: --test-split must be a number in [0, 1), got 1");
    expect(usage(["--activation", "swish"])).toBe(
      "nn train: --activation must be one of relu, leaky-relu, tanh, sigmoid, gelu, elu, silu, softplus, got swish",
    );
    expect(usage(["--data", "mnist"])).toMatch(/^nn train: --data must be one of moons, .*digits or a \.csv file, got mnist$/);
  });

  it("refuses unknown flags, missing values and stray arguments", () => {
    expect(usage(["--frobnicate"])).toBe("nn train: unknown flag --frobnicate");
    expect(usage(["--lr"])).toBe("nn train: --lr needs a value");
    expect(usage(["--json=yes"])).toBe("nn train: --json is a switch and takes no value");
    expect(usage(["extra"])).toBe('nn train: unexpected argument "extra" (see nn train --help)');
    expect(usage(["--data", "iris", "--noise", "0.1"])).toBe(
      "nn train: --samples and --noise apply to synthetic sets only, not iris",
    );
  });
});

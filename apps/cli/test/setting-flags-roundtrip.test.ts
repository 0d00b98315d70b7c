import { DEFAULT_SETTING, settingFromQuery, settingToFlags, settingToQuery, type Setting } from "@nn/studio";
import { describe, expect, it } from "vitest";
import { parseTrainArgs } from "../src/args/train-options.js";
import { settingFromOptions } from "../src/session/run-setting.js";

const settings: Setting[] = [
  DEFAULT_SETTING,
  { ...DEFAULT_SETTING, data: "spirals", noise: 0.3, samples: 400, features: ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"], layers: [8, 8], activation: "tanh", lr: 0.03, batchSize: 10 },
  { ...DEFAULT_SETTING, data: "iris", noise: 0, samples: 0, layers: [16], optimizer: "adam", lr: 0.001, l1: 0.001, l2: 0.01, dropout: 0.2, standardize: false },
  { ...DEFAULT_SETTING, optimizer: "sgd", momentum: 0.9, schedule: "cosine", stepSize: 300, warmup: 20, clip: 1, epochs: 123, seed: 7, testSplit: 0 },
  { ...DEFAULT_SETTING, data: "spirals", noise: 0.1, classes: 4, momentum: 0.5, nesterov: true },
  { ...DEFAULT_SETTING, data: "blobs", noise: 1, classes: 5 },
];

describe("the setting table and nn train's flags agree", () => {
  it.each(settings.map((s, i) => [i, s] as const))("setting %i → flags → nn train's parser → the same setting", (_i, setting) => {
    const flags = settingToFlags(setting);
    expect(settingFromOptions(parseTrainArgs(flags).options)).toEqual(setting);
  });

  it("a link and a command line for the same run", () => {
    const setting = settings[1];
    expect(settingFromOptions(parseTrainArgs(settingToFlags(settingFromQuery(settingToQuery(setting)))).options)).toEqual(setting);
  });

  it("--classes applies to spirals and blobs only; --nesterov needs momentum", () => {
    expect(() => parseTrainArgs(["--data", "moons", "--classes", "3"])).toThrow("nn train: --classes applies to spirals and blobs only, not moons");
    expect(() => parseTrainArgs(["--data", "spirals", "--classes", "1"])).toThrow(/^nn train: --classes must be/);
    expect(() => parseTrainArgs(["--nesterov"])).toThrow("nn train: --nesterov needs --momentum > 0");
  });

  it("--features names a bad input", () => {
    expect(() => parseTrainArgs(["--features", "x1,x3"])).toThrow(/^nn train: --features must be some of x1, x2, x1sq/);
  });
});

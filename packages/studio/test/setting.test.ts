import { describe, expect, it } from "vitest";
import { DEFAULT_SETTING, SETTING_FIELDS, settingFromQuery, settingToFlags, settingToQuery, type Setting } from "../src/setting.js";

const samples: Setting[] = [
  DEFAULT_SETTING,
  { ...DEFAULT_SETTING, data: "spirals", noise: 0.3, samples: 400, features: ["x1", "x2", "x1sq", "sinx2"], layers: [4, 2], activation: "tanh", lr: 0.03, batchSize: 10 },
  { ...DEFAULT_SETTING, data: "iris", noise: 0, samples: 0, layers: [], optimizer: "adam", lr: 0.001, l1: 0.001, l2: 0.01, dropout: 0.2, standardize: false },
  { ...DEFAULT_SETTING, schedule: "cosine", stepSize: 300, warmup: 20, clip: 1, epochs: 123, seed: 7, testSplit: 0, momentum: 0.9 },
];

describe("the setting table", () => {
  it("lists every entry of Setting exactly once", () => {
    expect(SETTING_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_SETTING).sort());
  });

  it.each(samples.map((s, i) => [i, s] as const))("setting %i survives a URL round trip", (_i, setting) => {
    expect(settingFromQuery(settingToQuery(setting))).toEqual(setting);
  });

  it("writes only what differs from the defaults", () => {
    expect(settingToFlags(DEFAULT_SETTING)).toEqual([]);
    expect(settingToQuery(DEFAULT_SETTING)).toBe("");
    const s = { ...DEFAULT_SETTING, lr: 0.03, batchSize: 10, standardize: false };
    expect(settingToFlags(s)).toEqual(["--lr", "0.03", "--batch-size", "10", "--no-standardize"]);
    expect(settingToQuery(s)).toBe("lr=0.03&batch-size=10&standardize=false");
  });

  it("names a bad or unknown entry of a link", () => {
    expect(() => settingFromQuery("?lr=-1")).toThrow('setting: lr must be a number > 0, got "-1"');
    expect(() => settingFromQuery("dropout=1")).toThrow('setting: dropout must be a number >= 0 and < 1, got "1"');
    expect(() => settingFromQuery("features=x1,x3")).toThrow(/setting: features must be some of x1, x2, x1sq/);
    expect(() => settingFromQuery("momentun=0.9")).toThrow(/unknown entry "momentun"/);
    expect(() => settingFromQuery("features=x1,x1")).toThrow(/lists an input twice/);
  });

  it("names every wrong entry of a link at once, in the link's order", () => {
    expect(() => settingFromQuery("lr=fast&layers=8&colour=red&dropout=1")).toThrow(
      'setting: lr must be a number > 0, got "fast"; unknown entry "colour"; dropout must be a number >= 0 and < 1, got "1" (entries: ',
    );
  });

  it("a data set's own noise is its default", () => {
    expect(settingFromQuery("data=spirals").noise).toBe(0.1);
    expect(settingToFlags({ ...DEFAULT_SETTING, data: "spirals", noise: 0.1 })).toEqual(["--data", "spirals"]);
  });
});

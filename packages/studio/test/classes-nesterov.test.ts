import { makeBlobs, makeSpirals } from "@nn/datasets";
import { describe, expect, it } from "vitest";
import { builtinDataset } from "../src/datasets.js";
import { TrainingDriver } from "../src/driver.js";
import { weightsFingerprint } from "../src/fingerprint.js";
import { checkSetting, classCount, DEFAULT_SETTING, describeSetting, settingFromQuery, settingToQuery, type Setting } from "../src/setting.js";

const same = (a: { x: { data: ArrayLike<number> }; y: { data: ArrayLike<number> } }, b: typeof a): boolean =>
  a.x.data.length === b.x.data.length && Array.from(a.x.data).every((v, i) => Object.is(v, b.x.data[i])) && Array.from(a.y.data).every((v, i) => v === b.y.data[i]);

describe("classes: spirals' arms and blobs' centres", () => {
  it("0 keeps each set's own (2 arms, 3 centres), bit for bit as before", () => {
    const gen = { samples: 90, noise: 0.1, seed: 5 };
    expect(same(builtinDataset("spirals", { ...gen, classes: 0 }), makeSpirals({ n: 90, noise: 0.1, seed: 5 }))).toBe(true);
    expect(same(builtinDataset("blobs", gen), makeBlobs({ n: 90, clusterStd: 0.1, seed: 5, centers: 3 }))).toBe(true);
    expect(classCount({ data: "spirals", classes: 0 })).toBe(2);
    expect(classCount({ data: "blobs", classes: 0 })).toBe(3);
  });

  it("k arms give k classes and a k-way softmax output; the link carries k", () => {
    const setting: Setting = { ...DEFAULT_SETTING, data: "spirals", noise: 0.1, classes: 5, samples: 100, layers: [6], epochs: 1 };
    const d = new TrainingDriver(setting);
    expect(d.dataset.numClasses).toBe(5);
    expect(d.run.outputUnits).toBe(5);
    expect(settingToQuery(setting)).toBe("data=spirals&samples=100&classes=5&layers=6&epochs=1");
    expect(settingFromQuery(settingToQuery(setting))).toEqual(setting);
    expect(describeSetting(setting)).toContain("spirals · 100 samples · noise 0.1 · 5 classes");
  });

  it("is refused on a set with its own classes, and at 1", () => {
    expect(() => checkSetting({ ...DEFAULT_SETTING, classes: 3 })).toThrow("setting: classes applies to spirals and blobs; moons has its own classes");
    expect(() => settingFromQuery("data=spirals&classes=1")).toThrow("setting: classes must be 0 (the set's own) or at least 2, got 1");
  });
});

describe("nesterov", () => {
  const base: Setting = { ...DEFAULT_SETTING, samples: 60, layers: [4], momentum: 0.9, epochs: 3 };
  const trained = (s: Setting): string => {
    const d = new TrainingDriver(s);
    while (d.status === "running") d.trainFor(1000);
    return weightsFingerprint(d.run.model.parameters());
  };

  it("changes SGD's steps (the first step already: p − lr·(g + μ·g) instead of p − lr·g)", () => {
    expect(trained({ ...base, nesterov: true })).not.toBe(trained(base));
  });

  it("needs momentum with SGD; other optimizers ignore it as they ignore momentum", () => {
    expect(() => checkSetting({ ...base, momentum: 0, nesterov: true })).toThrow("setting: nesterov needs momentum > 0");
    expect(trained({ ...base, optimizer: "adam", nesterov: true })).toBe(trained({ ...base, optimizer: "adam" }));
    expect(settingToQuery({ ...base, nesterov: true })).toContain("nesterov=true");
  });
});

import { describe, expect, it } from "vitest";
import { TrainingDriver } from "../src/driver.js";
import { DEFAULT_SETTING, type Setting } from "../src/setting.js";

const small: Setting = { ...DEFAULT_SETTING, samples: 40, layers: [4], epochs: 5 };

/** A clock that moves 1 ms per reading: budgets then count clock reads, not wall time. */
function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

describe("TrainingDriver", () => {
  it("stops at the setting's epochs (done), and resume goes on past them", () => {
    const d = new TrainingDriver(small, { now: tickingClock() });
    while (d.status === "running") d.trainFor(1000);
    expect(d.status).toBe("done");
    expect(d.epoch).toBe(5);
    expect(d.trainFor(1000)).toBe(0);
    d.resume();
    expect(d.target).toBe(Infinity);
    expect(d.trainFor(1000, 3)).toBe(3);
    expect(d.epoch).toBe(8);
  });

  it("trainFor stops at maxEpochs, pause stops it, step trains exactly one epoch", () => {
    const d = new TrainingDriver({ ...small, epochs: 100 }, { now: tickingClock() });
    expect(d.trainFor(1e9, 2)).toBe(2);
    d.pause();
    expect(d.trainFor(1e9)).toBe(0);
    d.step();
    expect(d.epoch).toBe(3);
    expect(d.status).toBe("paused");
  });

  it("a restart keeps the live learning rate and moves the seed on", () => {
    const d = new TrainingDriver(small, { now: tickingClock() });
    d.trainFor(1e9, 2);
    d.setLr(0.4);
    d.restart();
    expect(d.runSeed).toBe(2);
    expect(d.lr).toBe(0.4);
    expect(d.epoch).toBe(0);
    expect(d.history.length).toBe(0);
    expect(d.status).toBe("running");
  });

  it("apply: the learning rate is live, a layer change rebuilds, a noise change regenerates the data", () => {
    const d = new TrainingDriver({ ...small, epochs: 100 }, { now: tickingClock() });
    d.trainFor(1e9, 3);
    const data = d.dataset;
    expect(d.apply({ ...d.setting, lr: 0.05 })).toBe("live");
    expect(d.epoch).toBe(3);
    expect(d.lr).toBe(0.05);
    expect(d.apply({ ...d.setting, layers: [3, 3] })).toBe("model");
    expect(d.epoch).toBe(0);
    expect(d.run.model.parameters().map((p) => p.value.shape)).toEqual([[2, 3], [3], [3, 3], [3], [3, 1], [1]]);
    expect(d.dataset).toBe(data);
    expect(d.apply({ ...d.setting, noise: 0.3 })).toBe("data");
    expect(d.dataset).not.toBe(data);
    expect(d.apply(d.setting)).toBeUndefined();
  });

  it("a setting that cannot be built is refused and the run stays as it was", () => {
    const d = new TrainingDriver(small, { now: tickingClock() });
    expect(() => d.apply({ ...d.setting, data: "iris", samples: 0, noise: 0, features: ["x1", "x2", "x1sq"] })).toThrow(/need a 2-D data set; iris has 4 features/);
    expect(d.setting.data).toBe("moons");
  });

  it("memory stays bounded: 3000 epochs keep at most `historyCapacity` points", () => {
    const d = new TrainingDriver({ ...small, epochs: 3000 }, { now: tickingClock(), historyCapacity: 16 });
    while (d.status === "running") d.trainFor(1e9);
    expect(d.history.snapshot().epochs.length).toBeLessThanOrEqual(16);
    expect(d.history.lastEpoch).toBe(3000);
  });

  it("neuron maps: inputs, each hidden layer, the output, with the weights between", () => {
    const d = new TrainingDriver({ ...small, layers: [3, 2], features: ["x1", "x2", "x1x2"] }, { now: tickingClock() });
    const maps = d.painter!.neurons(4, 3);
    expect(maps.layers.map((l) => l.units)).toEqual([3, 3, 2, 1]);
    expect(maps.layers.map((l) => l.values.length)).toEqual([36, 36, 24, 12]);
    expect(maps.weights.map((w) => w.length)).toEqual([9, 6, 2]);
    // The output map is the sigmoid probability: what decision() thresholds at 0.5.
    const field = d.painter!.decision(4, 3);
    const out = maps.layers[3].values;
    for (let i = 0; i < 12; i++) expect(field.classes[i]).toBe(out[i] >= 0.5 ? 1 : 0);
  });
});

import { loadBreastCancer, loadDigits, loadIris } from "@nn/datasets";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from "../src/args/train-options.js";
import { UsageError } from "../src/args/usage-error.js";
import { ANNOUNCE_BYTES, SHIPPED_SHAPES, checkRunMemory } from "../src/limits/check-run-memory.js";
import { estimateRunMemory, formatBytes } from "../src/limits/memory-estimate.js";
import { runCli } from "./fixtures/run-cli.js";

const GB = 1e9;

function options(over: Partial<TrainOptions> & { samples?: number }): TrainOptions {
  const { samples, ...rest } = over;
  return { ...DEFAULT_TRAIN_OPTIONS, ...(samples !== undefined ? { data: { kind: "builtin", name: "moons", samples, noise: 0.2 } } : {}), ...rest };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("estimateRunMemory", () => {
  it("counts the default run by hand", () => {
    // moons 1000 × 2, layers 64,32, one sigmoid output, SGD without momentum, full batch of 750.
    // Parameters: 2·64+64 + 64·32+32 + 32·1+1 = 192 + 2080 + 33 = 2305.
    const e = estimateRunMemory({ samples: 1000, features: 2, classes: 2, hidden: [64, 32], batchSize: 0, testSplit: 0.25, optimizer: "sgd", momentum: 0, dropout: 0 });
    expect(e.parameters).toBe(2305);
    const bytes = e.parts.map((p) => p.bytes);
    expect(bytes).toEqual([
      4 * 1000 * 3 * 4, // data: four copies of n × (f + 1) floats
      2 * 2305 * 4, // values and gradients
      750 * (2 + 97 * 4) * 4, // batch 750 × (inputs + 4 floats per unit of 64 + 32 + 1)
      1000 * 97 * 2 * 4, // evaluation pass
    ]);
    expect(e.bytes).toBe(bytes.reduce((a, b) => a + b, 0));
  });

  it("adds two moments per parameter for Adam", () => {
    const shape = { samples: 10, features: 2, classes: 3, hidden: [4], batchSize: 5, testSplit: 0, momentum: 0, dropout: 0 } as const;
    const sgd = estimateRunMemory({ ...shape, optimizer: "sgd" }), adam = estimateRunMemory({ ...shape, optimizer: "adam" });
    expect(sgd.parameters).toBe(2 * 4 + 4 + 4 * 3 + 3);
    expect(adam.bytes - sgd.bytes).toBe(2 * sgd.parameters * 4);
  });

  it("formats bytes as people read them", () => {
    expect([formatBytes(512), formatBytes(1_234_567), formatBytes(48e9), formatBytes(1.2e21)]).toEqual(["512 B", "1.2 MB", "48.0 GB", "1.2e+21 B"]);
  });
});

describe("checkRunMemory refuses runs that cannot fit, before allocating them (issue 19 item 7)", () => {
  it("--samples 1000000000 on a 23 GB machine", () => {
    // data 4·1e9·3·4 = 48 GB; activations 7.5e8·(2 + 97·4)·4 = 1.17 TB; evaluation 1e9·97·8 = 776 GB.
    const message = refusal(() => checkRunMemory("train", options({ samples: 1_000_000_000 }), { totalMemory: 23 * GB }));
    expect(message).toMatch(/^nn train: this run would need about 2\.0 TB of memory \(data \(1000000000 samples × 2 features.*\), more than 75% of this machine's 23\.0 GB; use fewer --samples/);
  });

  it("--layers 50000,50000: 2.5 billion parameters", () => {
    // 2·50000 + 50000 + 50000·50000 + 50000 + 50000·1 + 1 = 2500250001 parameters, 8 bytes each with gradients.
    const message = refusal(() => checkRunMemory("train", options({ layers: [50000, 50000] }), { totalMemory: 23 * GB }));
    expect(message).toMatch(/parameters \(2500250001\), gradients and optimizer state: 20\.0 GB/);
  });

  it("--layers 99999999999999999999 names the width", () => {
    expect(refusal(() => checkRunMemory("train", options({ layers: [1e20] })))).toBe("nn train: --layers: a layer of 100000000000000000000 units is more than nn builds (at most 16777216 per layer)");
  });

  it("lets the default run through without a word, and announces a large one on stderr", () => {
    let said = "";
    const stderr = { write: (t: string) => (said += t) };
    expect(checkRunMemory("train", options({}), { totalMemory: 23 * GB, stderr }).bytes).toBeLessThan(ANNOUNCE_BYTES);
    expect(said).toBe("");
    checkRunMemory("train", options({ samples: 1_000_000 }), { totalMemory: 23 * GB, stderr });
    expect(said).toMatch(/^nn train: setting up a large run, about 2\.0 GB \(/);
  });

  it("knows the shipped sets' shapes", () => {
    for (const [name, load] of [["iris", loadIris], ["breast-cancer", loadBreastCancer], ["digits", loadDigits]] as const) {
      const ds = load();
      expect([ds.x.shape[0], ds.x.shape[1], ds.numClasses]).toEqual(SHIPPED_SHAPES[name]);
    }
  });
});

describe("nn train refuses impossible sizes with exit 2", () => {
  it("--layers 99999999999999999999 and --layers 20000000 name the width", async () => {
    const huge = await runCli(["train", "--layers", "99999999999999999999", "--epochs", "1"]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toBe("nn train: --layers: a layer of 100000000000000000000 units is more than nn builds (at most 16777216 per layer)\n");
    const wide = await runCli(["train", "--layers", "20000000", "--epochs", "1"]);
    expect(wide.code).toBe(2);
    expect(wide.stderr).toBe("nn train: --layers: a layer of 20000000 units is more than nn builds (at most 16777216 per layer)\n");
  });

  it("nn gradcheck --samples 1000000000 (it builds the whole set before taking its rows)", async () => {
    const r = await runCli(["gradcheck", "--samples", "1000000000"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nn gradcheck: this run would need about .* of memory/);
  });

  it("--samples 1000000000", async () => {
    const r = await runCli(["train", "--samples", "1000000000", "--epochs", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nn train: this run would need about .* of memory/);
  });
});

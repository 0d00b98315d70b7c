import * as datasets from "@nn/datasets";
import type { Dataset } from "@nn/datasets";
import { loadCsv } from "@nn/datasets/node";
import { UsageError } from "../args/usage-error.js";
import type { BuiltinDataset, DataSource } from "../args/train-options.js";

/** A loaded data set and the name the header and the model file give it. */
export interface LoadedData {
  readonly dataset: Dataset;
  readonly name: string;
}

type RealLoader = () => Dataset;

const REAL_LOADERS: Record<"iris" | "breast-cancer" | "digits", string> = {
  iris: "loadIris",
  "breast-cancer": "loadBreastCancer",
  digits: "loadDigits",
};

/** Builds or reads the data a run trains on. File problems are usage errors (exit 2). */
export function loadData(source: DataSource, seed: number): LoadedData {
  if (source.kind === "csv") {
    try {
      const dataset = loadCsv(source.path, source.labelColumn === undefined ? {} : { labelColumn: labelColumnOf(source.labelColumn) });
      return { dataset, name: source.path };
    } catch (error) {
      throw new UsageError(`nn: cannot use ${source.path} as data: ${firstLine(error)}`);
    }
  }
  return { dataset: builtinDataset(source.name, { samples: source.samples, noise: source.noise, seed }), name: source.name };
}

export function builtinDataset(name: BuiltinDataset, gen: { samples: number; noise: number; seed: number }): Dataset {
  const common = { n: gen.samples, noise: gen.noise, seed: gen.seed };
  switch (name) {
    case "moons": return datasets.makeMoons(common);
    case "circles": return datasets.makeCircles({ ...common, factor: 0.5 });
    case "spirals": return datasets.makeSpirals(common);
    case "xor": return datasets.makeXor(common);
    case "blobs": return datasets.makeBlobs({ n: gen.samples, clusterStd: gen.noise, seed: gen.seed, centers: 3 });
    case "checkerboard": return datasets.makeCheckerboard(common);
    case "iris":
    case "breast-cancer":
    case "digits": {
      // Looked up by name so the CLI builds while @nn/datasets grows its shipped sets.
      const loader = (datasets as unknown as Record<string, RealLoader | undefined>)[REAL_LOADERS[name]];
      if (loader === undefined) throw new UsageError(`nn: the ${name} data set is not available in this build of @nn/datasets`);
      return loader();
    }
  }
}

function labelColumnOf(raw: string): string | number {
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}

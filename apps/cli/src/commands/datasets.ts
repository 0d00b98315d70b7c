import { FlagReader } from "../args/flag-values.js";
import { formatFlagHelp, parseFlags, type FlagSpecs } from "../args/parse-flags.js";
import { DEFAULT_NOISE, REAL_DATASETS, SYNTHETIC_DATASETS, type BuiltinDataset } from "../args/train-options.js";
import { EXIT_OK } from "../args/usage-error.js";
import { builtinDataset } from "../session/load-data.js";
import type { Command, CommandIO } from "./command.js";

const FLAGS: FlagSpecs = { help: { type: "boolean", short: "h", description: "show this help" } };

const DESCRIPTIONS: Record<BuiltinDataset, string> = {
  moons: "two interleaving half circles (scikit-learn make_moons)",
  circles: "a small circle inside a large one (make_circles, factor 0.5)",
  spirals: "two interleaved Archimedean spirals",
  xor: "points in the four quadrants, class = sign(x)·sign(y) differ",
  blobs: "three Gaussian clusters (make_blobs)",
  checkerboard: "a 4×4 checkerboard on [-1, 1]²",
  plane: "regression: target (x₁ + x₂)/10 on [-6, 6]² (the TensorFlow Playground's plane)",
  "multi-gaussian": "regression: six bumps of ±1 on [-6, 6]² (the Playground's multi-Gaussian)",
  iris: "Fisher's iris flowers (UCI)",
  "breast-cancer": "Wisconsin diagnostic breast cancer (UCI)",
  digits: "8×8 handwritten digits (UCI optdigits, as scikit-learn)",
};

export const datasetsCommand: Command = {
  name: "datasets",
  summary: "list the built-in data sets",
  usage: () => ["usage: nn datasets", "", formatFlagHelp(FLAGS)].join("\n"),
  run: (argv: readonly string[], io: CommandIO): Promise<number> => {
    const { values } = parseFlags("datasets", argv, FLAGS);
    if (new FlagReader("datasets", values).boolean("help")) {
      io.stdout.write(datasetsCommand.usage() + "\n");
      return Promise.resolve(EXIT_OK);
    }
    const rows: string[][] = [["name", "kind", "samples", "features", "classes", "noise", "description"]];
    for (const name of SYNTHETIC_DATASETS) {
      const ds = builtinDataset(name, { samples: 1000, noise: DEFAULT_NOISE[name], seed: 0 });
      rows.push([name, "synthetic", "1000*", String(ds.x.shape[1]), ds.numClasses === 0 ? "real" : String(ds.numClasses), String(DEFAULT_NOISE[name]), DESCRIPTIONS[name]]);
    }
    for (const name of REAL_DATASETS) {
      const ds = builtinDataset(name, { samples: 0, noise: 0, seed: 0 });
      rows.push([name, "real", String(ds.x.shape[0]), String(ds.x.shape[1]), String(ds.numClasses), "-", DESCRIPTIONS[name]]);
    }
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const text = rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join("  ")).join("\n");
    io.stdout.write(`${text}\n\n* synthetic sets: --samples and --noise change them; the seed is --seed. Classes "real": a real-valued target (regression, MSE).\n`);
    return Promise.resolve(EXIT_OK);
  },
};

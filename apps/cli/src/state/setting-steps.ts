import {
  ACTIVATIONS, BUILTIN_DATASETS, defaultNoise, defaultProblem, hasClassCount, INITS, isBuiltin, isSynthetic, OPTIMIZERS, PROBLEMS, SCHEDULES,
  type FeatureName,
  type Setting,
} from "@nn/studio";

// What ← and → do to each entry in the settings panel: numbers move along a ladder of sensible
// values (as the Playground's drop-downs), names cycle through their choices, lists through presets.

const LADDERS: Partial<Record<keyof Setting, readonly number[]>> = {
  samples: [20, 50, 100, 200, 500, 1000, 2000, 5000],
  noise: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2],
  testSplit: [0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
  lr: [1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  batchSize: [0, 1, 2, 4, 8, 10, 16, 32, 64, 128, 256],
  momentum: [0, 0.5, 0.8, 0.9, 0.95, 0.99],
  beta1: [0, 0.5, 0.8, 0.9, 0.95, 0.99],
  beta2: [0.9, 0.99, 0.999, 0.9999],
  weightDecay: [0, 1e-5, 1e-4, 1e-3, 0.01, 0.1],
  gamma: [0.01, 0.1, 0.3, 0.5, 0.9, 0.99, 0.999],
  stepSize: [10, 50, 100, 200, 500, 1000, 2000, 5000],
  warmup: [0, 10, 50, 100, 200, 500, 1000],
  l1: [0, 1e-5, 1e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1],
  l2: [0, 1e-5, 1e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1],
  dropout: [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
  clip: [0, 0.1, 0.5, 1, 2, 5, 10],
  epochs: [100, 200, 500, 1000, 2000, 5000, 10000, 100000, 1000000],
};

export const LAYER_PRESETS: readonly (readonly number[])[] = [[], [2], [4], [8], [4, 2], [8, 4], [8, 8], [16, 16], [32, 16], [64, 32], [8, 8, 8], [32, 32, 32]];

export const FEATURE_PRESETS: readonly (readonly FeatureName[])[] = [
  ["x1", "x2"],
  ["x1", "x2", "x1x2"],
  ["x1", "x2", "x1sq", "x2sq"],
  ["x1sq", "x2sq"],
  ["x1", "x2", "sinx1", "sinx2"],
  ["x1", "x2", "x1sq", "x2sq", "x1x2"],
  ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"],
];

/** The next value along a ladder: the first one past the current value in direction `dir`. */
export function alongLadder(ladder: readonly number[], value: number, dir: 1 | -1): number {
  if (dir > 0) return ladder.find((v) => v > value * (1 + 1e-9) && v > value) ?? ladder[ladder.length - 1];
  for (let i = ladder.length - 1; i >= 0; i--) if (ladder[i] < value && ladder[i] < value * (1 - 1e-9)) return ladder[i];
  return ladder[0];
}

function cycle<T>(choices: readonly T[], value: T, dir: 1 | -1, same: (a: T, b: T) => boolean = (a, b) => a === b): T {
  const i = choices.findIndex((c) => same(c, value));
  return choices[(i + dir + choices.length) % choices.length];
}

const sameList = <T,>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The setting with one entry moved a step (← is -1, → is +1). */
export function stepSetting(setting: Setting, key: keyof Setting, dir: 1 | -1): Setting {
  switch (key) {
    case "data": {
      const data = cycle(BUILTIN_DATASETS as readonly string[], setting.data, dir);
      // A built-in set poses its own problem: cycling onto plane switches to regression and back.
      return { ...setting, data, problem: defaultProblem(data), classes: 0, noise: defaultNoise(data), samples: isSynthetic(data) ? (setting.samples > 0 ? setting.samples : 1000) : 0, features: isSynthetic(data) ? setting.features : ["x1", "x2"] };
    }
    case "activation": return { ...setting, activation: cycle(ACTIVATIONS, setting.activation, dir) };
    case "init": return { ...setting, init: cycle(INITS, setting.init, dir) };
    case "optimizer": return { ...setting, optimizer: cycle(OPTIMIZERS, setting.optimizer, dir) };
    case "schedule": return { ...setting, schedule: cycle(SCHEDULES, setting.schedule, dir) };
    case "layers": return { ...setting, layers: cycle(LAYER_PRESETS, setting.layers, dir, sameList) };
    case "features": return { ...setting, features: cycle(FEATURE_PRESETS, setting.features, dir, sameList) };
    case "standardize": return { ...setting, standardize: !setting.standardize };
    case "nesterov": return { ...setting, nesterov: !setting.nesterov };
    // spirals' arms, blobs' centres; 0 is the set's own.
    case "classes": return hasClassCount(setting.data) ? { ...setting, classes: alongLadder([0, 2, 3, 4, 5, 6, 8, 10], setting.classes, dir) } : setting;
    // The problem follows the data set (change the data set to change it); a CSV may be either.
    case "problem": return isBuiltin(setting.data) ? setting : { ...setting, problem: cycle(PROBLEMS, setting.problem, dir) };
    case "seed": return { ...setting, seed: Math.max(0, setting.seed + dir) };
    default: {
      const ladder = LADDERS[key];
      if (ladder === undefined) return setting;
      if ((key === "samples" || key === "noise") && !isSynthetic(setting.data)) return setting;
      return { ...setting, [key]: alongLadder(ladder, setting[key], dir) };
    }
  }
}

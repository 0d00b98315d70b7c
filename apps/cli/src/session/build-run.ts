import { buildRun as buildStudioRun, type BuiltRun as StudioRun } from "@nn/studio";
import type { TrainOptions } from "../args/train-options.js";
import { loadData } from "./load-data.js";
import { settingFromOptions } from "./run-setting.js";

/** A studio run of `nn train` options, with the name the header and the model file give its data. */
export interface BuiltRun extends StudioRun {
  readonly dataName: string;
}

/** Builds a run from `nn train` options. `seed` drives the split, the initial weights, dropout and shuffling. */
export function buildRun(options: TrainOptions, seed: number, loaded = loadData(options.data, seed, options.problem)): BuiltRun {
  return { ...buildStudioRun(settingFromOptions(options), loaded.dataset, seed), dataName: loaded.name };
}

import { saveModel } from "@nn/layers/node";
import { TrainingDriver, type DriverOptions } from "@nn/studio";
import { UsageError } from "../args/usage-error.js";
import type { TrainOptions } from "../args/train-options.js";
import { loadData, firstLine } from "./load-data.js";
import { modelMetadata } from "./model-metadata.js";
import { optionsWithSetting, settingFromOptions } from "./run-setting.js";

/** Where `s` saves when neither --save nor a caller says otherwise. */
export const DEFAULT_SAVE_PATH = "nn-model.json";

/** The driver of `nn train` options; a bad combination of options (caught by a constructor) is a usage error. */
export function createDriver(options: TrainOptions, deps: Omit<DriverOptions, "loadData"> = {}): TrainingDriver {
  try {
    return new TrainingDriver(settingFromOptions(options), {
      ...deps,
      // CSV files: read here (Node); the driver itself is browser-safe.
      loadData: (setting) => loadData(options.data, options.seed, setting.problem).dataset,
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(`nn train: ${firstLine(error)}`);
    throw error;
  }
}

/** The name the header and a saved model give the data: a built-in set's name or the CSV path. */
export function dataName(driver: TrainingDriver): string {
  return driver.setting.data;
}

/** Saves the driver's model atomically with the metadata `nn predict` needs; resolves to the path. */
export async function saveDriver(driver: TrainingDriver, options: TrainOptions, path: string): Promise<string> {
  const run = { ...driver.run, dataName: dataName(driver) };
  await saveModel(run.model, path, modelMetadata(run, optionsWithSetting(options, driver.setting), driver.runSeed, driver.epoch));
  return path;
}

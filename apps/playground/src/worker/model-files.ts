import { Sequential } from "@nn/layers";
import { exportONNX } from "@nn/onnx";
import { savedModelMetadata, settingFromSavedModel, trainOptionsOfSetting, type TrainingDriver } from "@nn/studio";

export interface ModelDownload {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** The file name a download gets: the data set and the epoch, e.g. `nn-spirals-epoch-300.json`. */
function fileName(driver: TrainingDriver, extension: string): string {
  return `nn-${driver.setting.data}-epoch-${driver.epoch}.${extension}`;
}

/**
 * The current model as nn's model file, with the metadata `nn train --save` writes (input scaling,
 * class and feature names, the setting), so `nn predict` and this page's "load" read it.
 */
export function modelFile(driver: TrainingDriver): ModelDownload {
  const run = driver.run;
  const metadata = savedModelMetadata(run, {
    dataName: driver.setting.data, features: driver.setting.features, options: trainOptionsOfSetting(driver.setting),
    seed: driver.runSeed, trainedEpochs: driver.epoch,
  });
  const text = JSON.stringify(run.model.toJSON(metadata));
  return { name: fileName(driver, "json"), mime: "application/json", bytes: new TextEncoder().encode(text) };
}

/** The current model as ONNX (it takes the scaled inputs; the scaling is in the nn model file). */
export function onnxFile(driver: TrainingDriver): ModelDownload {
  return { name: fileName(driver, "onnx"), mime: "application/octet-stream", bytes: exportONNX(driver.run.model) };
}

/**
 * Loads a saved nn model file: applies the setting it was trained with (data, features, network,
 * optimizer) and puts its weights in place, paused. Returns a line for the status bar. The file
 * is checked in full before the run changes; a file that does not fit says which parameter.
 */
export function loadModelFile(driver: TrainingDriver, name: string, text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RangeError(`${name} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let model: Sequential;
  try {
    model = Sequential.fromJSON(json);
  } catch (error) {
    throw new RangeError(`${name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, { cause: error });
  }
  const metadata = model.metadata;
  const setting = settingFromSavedModel(metadata, name);
  const before = driver.setting;
  driver.apply(setting);
  try {
    putWeights(driver, model, name);
  } catch (error) {
    driver.apply(before);
    throw error;
  }
  driver.pause();
  const trained = metadata?.trainedEpochs;
  return `loaded ${name}${typeof trained === "number" ? ` (trained ${trained} epochs)` : ""}: its setting and weights are in place, paused`;
}

function putWeights(driver: TrainingDriver, model: Sequential, name: string): void {
  const target = driver.run.model.parameters();
  const source = model.parameters();
  if (source.length !== target.length) {
    throw new RangeError(`${name}: the model has ${source.length} parameters, its setting builds ${target.length}`);
  }
  source.forEach((p, i) => {
    const into = target[i];
    if (p.value.shape.join(",") !== into.value.shape.join(",")) {
      throw new RangeError(`${name}: parameter ${p.name} has shape [${p.value.shape.join(", ")}], its setting builds [${into.value.shape.join(", ")}]`);
    }
    into.value.data.set(p.value.data);
  });
}

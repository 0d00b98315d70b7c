import type { JsonObject } from "@nn/layers";
import { savedModelMetadata } from "@nn/studio";
import type { TrainOptions } from "../args/train-options.js";
import type { BuiltRun } from "./build-run.js";

export type { SavedModelMetadata } from "@nn/studio";

/** The metadata `nn train --save` stores (the same fields as the browser Playground's download). */
export function modelMetadata(run: BuiltRun, options: TrainOptions, seed: number, trainedEpochs: number): JsonObject {
  return savedModelMetadata(run, { dataName: run.dataName, features: options.features, options, seed, trainedEpochs });
}

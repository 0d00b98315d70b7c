export type { Dataset } from "./dataset.js";
export type { GeneratorOptions } from "./synthetic/generator-options.js";
export { makeMoons, type MoonsOptions } from "./synthetic/moons.js";
export { makeCircles, type CirclesOptions } from "./synthetic/circles.js";
export { makeBlobs, type BlobsOptions } from "./synthetic/blobs.js";
export { makeSpirals, type SpiralsOptions } from "./synthetic/spirals.js";
export { makeXor, makeCheckerboard, type CheckerboardOptions } from "./synthetic/checkerboard.js";
export { trainTestSplit, type TrainTestSplitOptions, type TrainTestSplit } from "./transform/train-test-split.js";
export { StandardScaler, type StandardScalerJSON } from "./transform/standard-scaler.js";
export { MinMaxScaler, type MinMaxScalerOptions, type MinMaxScalerJSON } from "./transform/min-max-scaler.js";
export { NotFittedError } from "./transform/not-fitted-error.js";
export { oneHot } from "./transform/one-hot.js";
export { batches, type BatchOptions, type Batch } from "./transform/batches.js";
export { parseCsv, type CsvOptions } from "./csv/parse-csv.js";
export { parseCsvFeatures, type CsvFeatureOptions, type CsvFeatures } from "./csv/parse-csv-features.js";
export { CsvError, type CsvLocation } from "./csv/csv-error.js";
export { loadIris, IRIS_INFO } from "./real/load-iris.js";
export { loadBreastCancer, BREAST_CANCER_INFO } from "./real/load-breast-cancer.js";
export { loadDigits, DIGITS_INFO } from "./real/load-digits.js";
export type { DatasetInfo, ShippedDataset, LoadOptions } from "./real/shipped-dataset.js";
export {
  makePlane, makeMultiGaussian, planeTarget, multiGaussianTarget, MULTI_GAUSSIAN_BUMPS, type RegressionOptions,
} from "./synthetic/regression-sets.js";

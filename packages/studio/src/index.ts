export {
  type Setting, type SettingField, type SettingApply, DEFAULT_SETTING, SETTING_FIELDS, settingToFlags, settingToQuery,
  settingFromQuery, classCount, defaultClasses, hasClassCount, CLASS_COUNT_DATASETS, parseValue, formatValue, checkSetting, describeSetting, defaultNoise, isSynthetic, isBuiltin,
  isRegressionData, defaultProblem, PROBLEMS, REGRESSION_DATASETS, type ProblemName, type RegressionDataset,
  SYNTHETIC_DATASETS, REAL_DATASETS, BUILTIN_DATASETS, DEFAULT_NOISE, ACTIVATIONS, INITS, OPTIMIZERS, SCHEDULES,
  type SyntheticDataset, type BuiltinDataset, type ActivationName, type InitName, type OptimizerName, type ScheduleName,
} from "./setting.js";
export { FEATURES, type FeatureName, type FeatureSpec, expandFeatures, featureLabel, isIdentityFeatures } from "./features.js";
export { DownsampledHistory, type HistorySnapshot } from "./history.js";
export { builtinDataset } from "./datasets.js";
/** L1Penalty moved to @nn/layers (`new L1Penalty(params, { lambda })`); re-exported here. */
export { L1Penalty } from "@nn/layers";
export { buildRun, buildModel, activationLabel, networkInputs, type BuiltRun } from "./build-run.js";
export {
  MapPainter, dataBounds, gridInputs, placePoints, fieldFromOutputs, targetScale, type Bounds, type DecisionField, type ValueField,
  type NeuronMaps,
} from "./maps.js";
export {
  TrainingDriver, HISTORY_COLUMNS, type DriverOptions, type DriverStatus, type EpochPoint, type LayerNorm,
} from "./driver.js";
export { confusionCounts, type ConfusionCounts } from "./confusion.js";
export { weightsFingerprint } from "./fingerprint.js";
export { FrameGate, type FrameGateDeps } from "./frame-gate.js";
export {
  savedModelMetadata, settingFromSavedModel, trainOptionsOfSetting, type SavedModelMetadata, type SavedRunFacts,
} from "./saved-model.js";

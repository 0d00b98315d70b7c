export type {
  TrainParameter, TrainBuffer, TrainableModel, TrainLoss, TrainOptimizer, TrainScheduler, TrainData,
  TaskKind, BinaryOutput, MetricName, MetricValues, AllMetricValues, MetricsAsked, Listed, EvaluateResult, EvaluateOptions, LayerNorms,
  BatchEndEvent, EpochRecord, EpochEndEvent, StopReason, History, TrainEndEvent, TrainCallbacks,
  MonitorName, EarlyStoppingOptions, FitOptions, AsyncRunOptions, Trainer,
} from "./types.js";
export { fit, fitAsync } from "./fit.js";
export { createTrainer } from "./trainer.js";
export { evaluate } from "./evaluate.js";
export { predict, predictClasses, predictProba, type PredictClassOptions } from "./predict.js";
export { TrainingDivergedError, type Divergence } from "./diverged.js";
export { TrainingSaturatedError } from "./saturation.js";
export { type LikelyCause, describeCause } from "./likely-causes.js";
export { confusionMatrix, accuracyScore, precisionScore, recallScore, f1Score } from "./classification-scores.js";

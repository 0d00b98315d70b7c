export type {
  TrainParameter, TrainBuffer, TrainableModel, TrainLoss, TrainOptimizer, TrainScheduler, TrainData,
  TaskKind, BinaryOutput, MetricName, MetricValues, EvaluateResult, EvaluateOptions, LayerNorms,
  BatchEndEvent, EpochRecord, EpochEndEvent, StopReason, History, TrainEndEvent, TrainCallbacks,
  MonitorName, EarlyStoppingOptions, FitOptions, AsyncRunOptions, Trainer,
} from "./types.js";

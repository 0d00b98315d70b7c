/**
 * One training run as the studies need it: @nn/train's trainer epoch by epoch, the per-epoch loss
 * and per-layer gradient norms kept, divergence caught and recorded (a diverged run is data, not
 * a crash), and the final model scored on the training and test sets.
 */
import type { Dataset } from "@nn/datasets";
import { BinaryCrossEntropyLoss, type Loss, type Sequential, SoftmaxCrossEntropyLoss } from "@nn/layers";
import { type EpochEndEvent, type TrainLoss, type TrainOptimizer, TrainingDivergedError, createTrainer, evaluate } from "@nn/train";

export interface RunOptions {
  loss?: TrainLoss;
  optimizer: TrainOptimizer;
  train: Dataset;
  test: Dataset;
  /** Scored at the end like the test set; the studies choose hyperparameters on it, never on the test set. */
  validation?: Dataset;
  epochs: number;
  /** Default: full batch (the seed project's gradient descent). */
  batchSize?: number;
  seed: number;
  /** Called after each epoch with the live model, for probes that look inside. */
  afterEpoch?: (epoch: number) => void;
}

export interface RunRecord {
  /** Training loss per epoch (mean over the epoch's batches, as seen during training). */
  loss: number[];
  /** Gradient L2 norm per Dense layer (in order) at each epoch's last batch. */
  gradNorms: number[][];
  /** The epoch (1-based) whose update would have made the model non-finite; null when none. */
  divergedAt: number | null;
  finalTrainLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  testLoss: number;
  /** NaN when no validation set was given or the run diverged. */
  validationLoss: number;
  validationAccuracy: number;
  /** Wall-clock milliseconds per epoch (timing data: not deterministic). */
  epochMs: number[];
}

/** Binary cross-entropy on a sigmoid output for one unit, softmax cross-entropy on logits otherwise. */
export function lossFor(outputs: number): Loss {
  return outputs === 1 ? new BinaryCrossEntropyLoss() : new SoftmaxCrossEntropyLoss();
}

export function runTraining(model: Sequential, options: RunOptions): RunRecord {
  const outputs = model.layers.at(-1)?.typeName === "Sigmoid" ? 1 : 2;
  const dataLoss = lossFor(outputs);
  const record: RunRecord = {
    loss: [], gradNorms: [], divergedAt: null, finalTrainLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN, testLoss: NaN, validationLoss: NaN, validationAccuracy: NaN, epochMs: [],
  };
  const onEpochEnd = (e: EpochEndEvent): void => {
    record.loss.push(e.train.loss);
    record.gradNorms.push(e.layers.filter((l) => isDenseGroup(model, l.name)).map((l) => l.gradNorm));
    record.epochMs.push(e.durationMs);
    options.afterEpoch?.(e.epoch);
  };
  const trainer = createTrainer(model, {
    loss: options.loss ?? dataLoss,
    optimizer: options.optimizer,
    train: options.train,
    epochs: options.epochs,
    batchSize: options.batchSize ?? options.train.x.shape[0],
    seed: options.seed,
    metrics: ["loss"],
    callbacks: { onEpochEnd },
  });
  try {
    trainer.run();
  } catch (e) {
    if (!(e instanceof TrainingDivergedError)) throw e;
    record.divergedAt = e.epoch;
  }
  if (record.divergedAt === null) {
    const onTrain = evaluate(model, options.train, { loss: dataLoss, metrics: ["loss", "accuracy"] });
    const onTest = evaluate(model, options.test, { loss: dataLoss, metrics: ["loss", "accuracy"] });
    record.finalTrainLoss = onTrain.loss;
    record.trainAccuracy = onTrain.accuracy ?? NaN;
    record.testAccuracy = onTest.accuracy ?? NaN;
    record.testLoss = onTest.loss;
    if (options.validation !== undefined) {
      const onValidation = evaluate(model, options.validation, { loss: dataLoss, metrics: ["loss", "accuracy"] });
      record.validationLoss = onValidation.loss;
      record.validationAccuracy = onValidation.accuracy ?? NaN;
    }
  }
  return record;
}

/** Whether a parameter group (`layers.3`) is a Dense layer of the model (norm layers have weights too). */
function isDenseGroup(model: Sequential, name: string): boolean {
  const match = /^layers\.(\d+)$/.exec(name);
  if (match === null) return false;
  return model.layers[Number(match[1])]?.typeName === "Dense";
}

/** First epoch (1-based) whose loss is at or below `target`; null if never. */
export function epochsToReach(loss: readonly number[], target: number): number | null {
  const i = loss.findIndex((v) => v <= target);
  return i < 0 ? null : i + 1;
}

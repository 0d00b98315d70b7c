import type { OptimizerName } from "../args/train-options.js";

/** The shape of a run, as far as memory goes. */
export interface RunShape {
  readonly samples: number;
  readonly features: number;
  readonly classes: number;
  readonly hidden: readonly number[];
  /** 0 means full batch (the whole training split). */
  readonly batchSize: number;
  readonly testSplit: number;
  readonly optimizer: OptimizerName;
  readonly momentum: number;
  readonly dropout: number;
}

export interface MemoryPart {
  readonly what: string;
  readonly bytes: number;
}

export interface MemoryEstimate {
  readonly parts: readonly MemoryPart[];
  readonly bytes: number;
  readonly parameters: number;
}

const FLOAT = 4; // float32

/** Optimizer state per parameter: Adam keeps two moments, momentum SGD, RMSprop and Adagrad one. */
function stateCopies(optimizer: OptimizerName, momentum: number): number {
  switch (optimizer) {
    case "adam": case "adamw": return 2;
    case "rmsprop": return momentum > 0 ? 2 : 1;
    case "adagrad": return 1;
    case "sgd": return momentum > 0 ? 1 : 0;
  }
}

/**
 * What a training run holds at its peak, in bytes, counted from the shapes alone (before anything
 * is allocated). Deliberately simple and on the generous side:
 * - data: the generated or read rows, their train/validation copies and the standardised copies
 *   (about four copies of n × (features + 1) floats);
 * - parameters: values and gradients (2 × P) plus the optimizer's state;
 * - activations: each layer's output and its gradient, twice over (dense and activation), per
 *   row of the batch, plus a dropout mask; the evaluation pass over the whole data set each epoch
 *   holds the forward outputs for every row.
 */
export function estimateRunMemory(shape: RunShape): MemoryEstimate {
  const { samples: n, features: f } = shape;
  const outputs = shape.classes <= 2 ? 1 : shape.classes;
  const widths = [...shape.hidden, outputs];
  let parameters = 0, previous = f;
  for (const w of widths) {
    parameters += previous * w + w;
    previous = w;
  }
  const trainRows = Math.max(1, Math.ceil(n * (1 - shape.testSplit)));
  const batch = shape.batchSize === 0 ? trainRows : Math.min(shape.batchSize, trainRows);
  const unitsPerRow = widths.reduce((a, b) => a + b, 0);
  const perRowTraining = f + unitsPerRow * 4 + (shape.dropout > 0 ? unitsPerRow : 0);
  const parts: MemoryPart[] = [
    { what: `data (${n} samples × ${f} features, with split and scaled copies)`, bytes: 4 * n * (f + 1) * FLOAT },
    { what: `parameters (${parameters}), gradients and optimizer state`, bytes: (2 + stateCopies(shape.optimizer, shape.momentum)) * parameters * FLOAT },
    { what: `activations (batch ${batch} × ${unitsPerRow} units)`, bytes: batch * perRowTraining * FLOAT },
    { what: `evaluation (${n} samples × ${unitsPerRow} units)`, bytes: n * unitsPerRow * 2 * FLOAT },
  ];
  return { parts, bytes: parts.reduce((a, p) => a + p.bytes, 0), parameters };
}

/** Bytes as people read them: 1.2 GB, 340 MB (powers of 1000, as `free -h` and `ls -lh` do not; close enough for a refusal). */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
  let value = bytes, unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  if (value >= 1000) return `${bytes.toExponential(1)} B`;
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

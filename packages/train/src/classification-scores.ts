import { accuracyOf, binaryScores } from "./metrics.js";

/**
 * Metrics on label arrays, as scikit-learn's `confusion_matrix`, `accuracy_score`,
 * `precision_score`, `recall_score` and `f1_score` (binary, class 1 positive, zero_division=0).
 * fit and evaluate compute the same numbers from the same counts.
 */

/** counts[actual][predicted]; `classes` defaults to the largest label + 1 (at least 2). */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classes?: number): number[][] {
  const k = classCount(actual, predicted, classes, "confusionMatrix");
  const counts = countPairs(actual, predicted, k);
  const rows: number[][] = [];
  for (let a = 0; a < k; a++) rows.push(Array.from(counts.subarray(a * k, a * k + k)));
  return rows;
}

export function accuracyScore(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const k = classCount(actual, predicted, undefined, "accuracyScore");
  return accuracyOf(countPairs(actual, predicted, k), k);
}

export function precisionScore(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return binaryScores(binaryCounts(actual, predicted, "precisionScore")).precision;
}

export function recallScore(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return binaryScores(binaryCounts(actual, predicted, "recallScore")).recall;
}

export function f1Score(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return binaryScores(binaryCounts(actual, predicted, "f1Score")).f1;
}

function binaryCounts(actual: ArrayLike<number>, predicted: ArrayLike<number>, op: string): Float64Array {
  const k = classCount(actual, predicted, undefined, op);
  if (k > 2) throw new RangeError(`${op}: labels must be 0 or 1 (binary, class 1 positive), got class ${k - 1}`);
  return countPairs(actual, predicted, 2);
}

function classCount(actual: ArrayLike<number>, predicted: ArrayLike<number>, classes: number | undefined, op: string): number {
  if (actual.length !== predicted.length) {
    throw new RangeError(`${op}: actual has ${actual.length} labels but predicted has ${predicted.length}`);
  }
  let k = 2;
  for (const [name, labels] of [["actual", actual], ["predicted", predicted]] as const) {
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i];
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`${op}: ${name}[${i}] is ${String(v)}: labels must be integers ≥ 0`);
      if (classes !== undefined && v >= classes) throw new RangeError(`${op}: ${name}[${i}] is ${v}, outside [0, ${classes})`);
      if (v + 1 > k) k = v + 1;
    }
  }
  return classes ?? k;
}

function countPairs(actual: ArrayLike<number>, predicted: ArrayLike<number>, k: number): Float64Array {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < actual.length; i++) counts[actual[i] * k + predicted[i]]++;
  return counts;
}

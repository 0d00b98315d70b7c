import { describe, expect, it } from "vitest";
import { accuracyScore, confusionMatrix, f1Score, precisionScore, recallScore } from "../src/classification-scores.js";

// Ten hand-counted predictions (class 1 positive):
//   index      0 1 2 3 4 5 6 7 8 9
//   actual     1 1 1 1 0 0 0 0 0 1
//   predicted  1 1 0 1 0 1 0 0 1 1
// tp = {0,1,3,9} = 4, fn = {2} = 1, fp = {5,8} = 2, tn = {4,6,7} = 3.
const actual = [1, 1, 1, 1, 0, 0, 0, 0, 0, 1];
const predicted = [1, 1, 0, 1, 0, 1, 0, 0, 1, 1];

describe("binary scores against hand-counted numbers", () => {
  it("confusion matrix is [actual][predicted]: [[tn, fp], [fn, tp]]", () => {
    expect(confusionMatrix(actual, predicted)).toEqual([[3, 2], [1, 4]]);
  });
  it("accuracy = (tp + tn) / n = 7/10", () => {
    expect(accuracyScore(actual, predicted)).toBe(0.7);
  });
  it("precision = tp / (tp + fp) = 4/6", () => {
    expect(precisionScore(actual, predicted)).toBe(4 / 6);
  });
  it("recall = tp / (tp + fn) = 4/5", () => {
    expect(recallScore(actual, predicted)).toBe(4 / 5);
  });
  it("f1 = 2PR/(P+R) = 2·(2/3)·(4/5)/(2/3+4/5) = 8/11", () => {
    expect(f1Score(actual, predicted)).toBeCloseTo(8 / 11, 15);
  });
  it("precision, recall and F1 are 0 when undefined (no positives at all), as zero_division=0", () => {
    expect(precisionScore([0, 0, 0], [0, 0, 0])).toBe(0);
    expect(recallScore([0, 0, 0], [0, 0, 0])).toBe(0);
    expect(f1Score([0, 0, 0], [0, 0, 0])).toBe(0);
  });
});

describe("multiclass", () => {
  // actual [0,1,2,2,1,0], predicted [0,2,2,1,1,0]:
  // row 0 (actual 0, indices 0,5): both predicted 0 → [2,0,0]
  // row 1 (indices 1,4): predicted 2 and 1 → [0,1,1]
  // row 2 (indices 2,3): predicted 2 and 1 → [0,1,1]
  it("3×3 confusion matrix and accuracy = 4/6", () => {
    const a = [0, 1, 2, 2, 1, 0];
    const p = [0, 2, 2, 1, 1, 0];
    expect(confusionMatrix(a, p)).toEqual([[2, 0, 0], [0, 1, 1], [0, 1, 1]]);
    expect(accuracyScore(a, p)).toBe(4 / 6);
  });
  it("classes can be given to include classes absent from the labels", () => {
    expect(confusionMatrix([0, 1], [1, 1], 3)).toEqual([[0, 1, 0], [0, 1, 0], [0, 0, 0]]);
  });
});

describe("bad input", () => {
  it("names the mismatched lengths", () => {
    expect(() => accuracyScore([0, 1], [1])).toThrow("accuracyScore: actual has 2 labels but predicted has 1");
  });
  it("names a non-integer label and its index", () => {
    expect(() => confusionMatrix([0, 0.5], [0, 1])).toThrow("confusionMatrix: actual[1] is 0.5: labels must be integers ≥ 0");
  });
  it("refuses binary scores on three classes", () => {
    expect(() => precisionScore([0, 2], [0, 1])).toThrow("precisionScore: labels must be 0 or 1 (binary, class 1 positive), got class 2");
  });
  it("refuses labels outside the given class count", () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow("confusionMatrix: actual[1] is 3, outside [0, 3)");
  });
});

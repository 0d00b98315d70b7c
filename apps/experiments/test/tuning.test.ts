import { describe, expect, it } from "vitest";
import { bestByValidation } from "../src/experiment/tuning.js";

describe("bestByValidation", () => {
  it("picks the lowest mean validation loss, never a candidate with a diverged seed", () => {
    const grid = [{ lr: 0.01, v: [0.5, 0.5] }, { lr: 0.1, v: [0.1, NaN] }, { lr: 1, v: [0.3, 0.2] }, { lr: 10, v: [0.25, 0.25] }];
    // means: 0.5, (excluded), 0.25, 0.25 → the first of the tie, lr 1
    expect(bestByValidation(grid, (g) => g.v)).toBe(2);
    expect(() => bestByValidation([{ v: [NaN] }], (g) => g.v)).toThrow(/every candidate/);
  });
});

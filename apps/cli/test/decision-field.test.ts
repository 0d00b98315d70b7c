import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { dataBounds, fieldFromOutputs, gridInputs } from "@nn/studio";
import { renderDecisionMap } from "../src/ui/decision-map.js";

describe("decision field", () => {
  it("binary outputs: class 1 from p ≥ 0.5, confidence |2p − 1|", () => {
    const f = fieldFromOutputs(new Tensor(new Float32Array([0.9, 0.2, 0.5, 0.0]), [4, 1]), 2, 2, []);
    expect([...f.classes]).toEqual([1, 0, 1, 0]);
    // |2·0.9 − 1| = 0.8, |2·0.2 − 1| = 0.6, |2·0.5 − 1| = 0, |0 − 1| = 1
    [0.8, 0.6, 0, 1].forEach((c, i) => expect(f.confidence[i]).toBeCloseTo(c, 6));
  });

  it("logits: argmax, confidence rescales the top probability from 1/k to 1", () => {
    // Logits [0, ln 3]: softmax = [1/4, 3/4]; (3/4 − 1/2) / (1 − 1/2) = 1/2.
    const f = fieldFromOutputs(new Tensor(new Float32Array([0, Math.log(3)]), [1, 2]), 1, 1, []);
    expect(f.classes[0]).toBe(1);
    expect(f.confidence[0]).toBeCloseTo(0.5, 6);
  });

  it("grid pixels are centred and run top to bottom; bounds add 5% margins", () => {
    const b = dataBounds(new Tensor(new Float32Array([0, 0, 10, 20]), [2, 2]));
    expect(b).toEqual({ x0: -0.5, x1: 10.5, y0: -1, y1: 21 });
    const g = gridInputs({ x0: 0, x1: 2, y0: 0, y1: 2 }, 2, 2).data;
    // Pixel (row 0, col 0) is the top-left: x = 0.5, y = 1.5.
    expect([...g]).toEqual([0.5, 1.5, 1.5, 1.5, 0.5, 0.5, 1.5, 0.5]);
  });

  it("draws two pixel rows per terminal row and a data point over its region", () => {
    const field = fieldFromOutputs(new Tensor(new Float32Array([0.9, 0.1, 0.9, 0.1]), [4, 1]), 2, 2, [{ col: 1, row: 1, cls: 1 }]);
    const rows = renderDecisionMap(field);
    expect(rows).toHaveLength(1);
    expect(rows[0][0].text).toBe("▀");
    // The point is in the lower pixel of cell 1: a lower half block in the point colour.
    expect(rows[0][1].text).toBe("▄");
    expect(rows[0][1].color).not.toBe(rows[0][1].backgroundColor);
  });
});

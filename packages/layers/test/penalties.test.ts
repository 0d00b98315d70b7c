import { tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { BatchNorm1d, Dense, L1Penalty, L2Penalty, MSELoss, PenalisedLoss, SoftmaxCrossEntropyLoss, Sequential } from "../src/index.js";

function model(): { a: Dense; b: Dense; net: Sequential } {
  const a = new Dense(1, 2, { dtype: "float64" }), b = new Dense(2, 1, { dtype: "float64" });
  a.weight.value.data.set([1, -2]);
  a.bias?.value.data.set([5, 5]);
  b.weight.value.data.set([0, 0.5]);
  return { a, b, net: new Sequential([a, new BatchNorm1d(2, { dtype: "float64" }), b]) };
}

describe("L1Penalty", () => {
  it("penalises Dense weights only by default: λ·Σ|w|, gradient λ·sign(w) (0 at w = 0) added in", () => {
    const { a, b, net } = model();
    const l1 = new L1Penalty(net.parameters(), { lambda: 0.25 });
    expect(l1.params.map((p) => p.name)).toEqual(["layers.0.weight", "layers.2.weight"]);
    // Σ|w| = 1 + 2 + 0 + 0.5 = 3.5 → 0.25·3.5
    expect(l1.value()).toBe(0.875);
    a.weight.grad.data.set([1, 1]);
    l1.backward();
    expect(Array.from(a.weight.grad.data)).toEqual([1.25, 0.75]);
    expect(Array.from(b.weight.grad.data)).toEqual([0, 0.25]);
    expect(Array.from(a.bias?.grad.data ?? [])).toEqual([0, 0]);
    expect(new L1Penalty(net.parameters(), { lambda: 1, include: () => true }).params.length).toBe(6);
    expect(() => new L1Penalty([], { lambda: NaN })).toThrow("L1Penalty: lambda must be a finite number >= 0, got NaN");
    expect(() => new L1Penalty([], { lamda: 1 } as never)).toThrow('L1Penalty: unknown option "lamda" (did you mean "lambda"?)');
  });
});

describe("PenalisedLoss", () => {
  it("is the data loss plus each penalty's value, and backward adds the penalties' gradients before returning dL/dpred", () => {
    const { a, net } = model();
    const params = net.parameters();
    const loss = new PenalisedLoss(new MSELoss(), [new L1Penalty(params, { lambda: 0.25 }), new L2Penalty(params, { lambda: 0.1 })]);
    // MSE of [1, 3] against [0, 0] is (1 + 9)/2 = 5; L1 0.875; L2 = 0.05·(1 + 4 + 0 + 0.25) = 0.2625
    expect(loss.forward(tensor([[1], [3]], "float64"), tensor([[0], [0]], "float64"))).toBeCloseTo(5 + 0.875 + 0.2625, 14);
    const dPred = loss.backward();
    expect(Array.from(dPred.data)).toEqual([1, 3]); // 2(p − t)/n
    // λ₁·sign(w) + λ₂·w: [0.25 + 0.1, −0.25 − 0.2]
    expect(Array.from(a.weight.grad.data)).toEqual([0.35, -0.45]);
    expect(loss.prediction).toBeUndefined();
  });

  it("says what the wrapped loss predicts, so a training loop still infers the task", () => {
    expect(new PenalisedLoss(new SoftmaxCrossEntropyLoss(), []).prediction).toBe("logits");
  });
});

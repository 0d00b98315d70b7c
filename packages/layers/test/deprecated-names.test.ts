// CONTRIBUTING.md, "Names and signatures": a rename keeps the old name working.
import { createRng, randn, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import * as nn from "../src/index.js";

describe("deprecated names and signatures keep working", () => {
  it.each([
    ["BinaryCrossEntropy", nn.BinaryCrossEntropy, nn.BinaryCrossEntropyLoss],
    ["BCEWithLogits", nn.BCEWithLogits, nn.BCEWithLogitsLoss],
    ["SoftmaxCrossEntropy", nn.SoftmaxCrossEntropy, nn.SoftmaxCrossEntropyLoss],
  ] as const)("%s is the renamed class itself", (_old, alias, renamed) => {
    expect(alias).toBe(renamed);
    expect(new alias()).toBeInstanceOf(renamed);
  });

  it("the old loss names compute the same values: BCE of p = 0.5 is ln 2 whatever the target", () => {
    expect(new nn.BinaryCrossEntropy().forward(tensor([0.5]), tensor([1]))).toBeCloseTo(Math.LN2, 6);
    expect(new nn.SoftmaxCrossEntropy({ labelSmoothing: 0 }).forward(tensor([[0, 0]]), tensor([1]))).toBeCloseTo(Math.LN2, 6);
  });

  it("LeakyReLU(alpha) and LeakyReLU({ alpha }) build the same layer: LeakyReLU(−2) = −2α", () => {
    const old = new nn.LeakyReLU(0.2), now = new nn.LeakyReLU({ alpha: 0.2 });
    expect(old.alpha).toBe(0.2);
    expect(Array.from(old.forward(tensor([-2, 3])).data)).toEqual(Array.from(now.forward(tensor([-2, 3])).data));
    expect(Array.from(now.forward(tensor([-2, 3], "float64")).data)).toEqual([-0.4, 3]);
    expect(new nn.LeakyReLU().alpha).toBe(0.01);
  });

  it("Dropout(p, { rng }) and Dropout({ p, rng }) draw the same masks", () => {
    const x = randn([8, 4], createRng(1));
    const old = new nn.Dropout(0.25, { rng: createRng(7) }), now = new nn.Dropout({ p: 0.25, rng: createRng(7) });
    expect(old.p).toBe(0.25);
    expect(Array.from(old.forward(x).data)).toEqual(Array.from(now.forward(x).data));
    expect(new nn.Dropout().p).toBe(0.5);
    expect(() => new nn.Dropout({ p: 1.5 })).toThrow("Dropout: p must be in [0, 1], got 1.5");
  });
});

import { createRng, randn } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { everyLayer } from "./helpers/every-layer.js";

// Training steps of one batch size allocate no new tensors: the second step's output and input
// gradient are the very buffers of the first (so callers must clone what they keep).
describe("every layer reuses its buffers between steps of the same batch size", () => {
  it.each(everyLayer("float32"))("%s", (_name, layer) => {
    const x1 = randn([6, 4], createRng(1)), x2 = randn([6, 4], createRng(2));
    const dy = randn([6, 4], createRng(3));
    const y1 = layer.forward(x1), dx1 = layer.backward(dy);
    const y2 = layer.forward(x2), dx2 = layer.backward(dy);
    expect(y2).toBe(y1);
    expect(dx2).toBe(dx1);
    const y3 = layer.forward(randn([7, 4], createRng(4)));
    expect(y3.shape).toEqual([7, 4]);
  });
});

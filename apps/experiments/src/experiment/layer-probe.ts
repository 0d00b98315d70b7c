/**
 * Looks inside a network on one batch: the spread of each hidden layer's activations on the way
 * forward and the size of each Dense layer's weight gradient on the way back. This is the
 * measurement behind the He/Xavier variance argument (docs/math_derivations.md §8).
 */
import type { Dataset } from "@nn/datasets";
import { Dense, type Sequential } from "@nn/layers";
import { lossFor } from "./training.js";

export interface LayerProbe {
  /** Std of the activations after each hidden layer's nonlinearity, in order. */
  activationStd: number[];
  /** L2 norm of each Dense layer's weight gradient (mean loss over the batch), in order. */
  weightGradNorm: number[];
  /** Std of each Dense layer's weight gradient entries, in order. */
  weightGradStd: number[];
}

export function probeLayers(model: Sequential, data: Dataset): LayerProbe {
  const outputs = model.layers.at(-1)?.typeName === "Sigmoid" ? 1 : 2;
  const loss = lossFor(outputs);
  const n = data.x.shape[0];
  const target = outputs === 1 ? data.y.reshape([n, 1]) : data.y;
  model.zeroGrad();
  const activationStd: number[] = [];
  let h = data.x;
  const layers = model.layers;
  for (let i = 0; i < layers.length; i++) {
    h = layers[i].forward(h, "train");
    const isHiddenOutput = i < layers.length - 1 && layers[i].typeName !== "Dense" && layers[i + 1].typeName === "Dense";
    if (isHiddenOutput) activationStd.push(stdOf(h.data));
  }
  loss.forward(h, target);
  model.backward(loss.backward());
  const weightGradNorm: number[] = [];
  const weightGradStd: number[] = [];
  for (const layer of layers) {
    if (!(layer instanceof Dense)) continue;
    const g = layer.weight.grad.data;
    let ss = 0;
    for (let i = 0; i < g.length; i++) ss += g[i] * g[i];
    weightGradNorm.push(Math.sqrt(ss));
    weightGradStd.push(stdOf(g));
  }
  model.zeroGrad();
  return { activationStd, weightGradNorm, weightGradStd };
}

/** Population std of a buffer, accumulated in float64. */
function stdOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const m = sum / values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - m) * (values[i] - m);
  return Math.sqrt(ss / values.length);
}

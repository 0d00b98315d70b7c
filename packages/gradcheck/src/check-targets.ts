import type { Rng } from "@nn/tensor";
import { EntryBuilder } from "./entry-builder.js";
import { MINUS_2H, MINUS_H, type Objective, PLUS_2H, PLUS_H } from "./objective.js";
import type { ResolvedOptions } from "./options.js";
import { chooseCoordinates } from "./sampling.js";
import { requireShape } from "./argument-checks.js";
import type { GradcheckEntry, Parameter } from "./types.js";
import { type Stencil, judge, needsWideStencil } from "./verdict.js";

/** A float64 tensor to perturb in place, and the analytic gradient with respect to it. */
export interface Target {
  name: string;
  shape: readonly number[];
  values: Float64Array;
  analytic: Float64Array;
}

/**
 * The tensors a check perturbs: the input (when asked) and every parameter, each with the analytic
 * gradient copied out of the buffers the next forward/backward will overwrite.
 */
export function gradientTargets(
  op: string, who: string, x: { shape: readonly number[] }, x64: Float64Array, dx: { shape: readonly number[]; data: ArrayLike<number> },
  params: readonly Parameter[], checkInput: boolean,
): Target[] {
  requireShape(op, who, "dL/dx", dx.shape, x.shape);
  const targets: Target[] = [];
  if (checkInput) targets.push({ name: "input", shape: x.shape, values: x64, analytic: Float64Array.from(dx.data) });
  for (const p of params) {
    requireShape(op, who, `the gradient of "${p.name}"`, p.grad.shape, p.value.shape);
    targets.push({ name: p.name, shape: p.value.shape, values: p.value.data as Float64Array, analytic: Float64Array.from(p.grad.data) });
  }
  return targets;
}

// Rounding in a difference of evaluations is about ε·(size of the terms); this factor leaves
// room for the error the forward pass itself accumulates, so noise is never mistaken for a kink.
const NOISE_FACTOR = 64;

/**
 * Central differences for the sampled coordinates of each target, compared with the analytic
 * gradient. `objective` must already hold the unperturbed evaluation in its CENTRE slot. Every
 * value is written back exactly after its perturbation. docs/math_derivations.md §10
 */
export function checkTargets(targets: readonly Target[], objective: Objective, o: ResolvedOptions, rng: Rng): GradcheckEntry[] {
  const h = o.step;
  const stencil: Stencil = { central: 0, rightSlope: 0, leftSlope: 0, evenDeviation: NaN, oddDeviation: NaN, noise: 0 };
  const entries: GradcheckEntry[] = [];
  for (const target of targets) {
    const { values, analytic } = target;
    const builder = new EntryBuilder(target.name, target.shape, values.length, o.atol);
    const coordinates = chooseCoordinates(values.length, o.maxCoordinates, rng);
    for (let k = 0; k < coordinates.length; k++) {
      const i = coordinates[k];
      const v = values[i];
      // The steps actually taken: v ± h rounds, and dividing by the nominal h would add that rounding.
      values[i] = v + h;
      const hPlus = values[i] - v;
      objective.evaluate(PLUS_H);
      values[i] = v - h;
      const hMinus = v - values[i];
      objective.evaluate(MINUS_H);
      values[i] = v;

      stencil.central = objective.combine(0, 1, -1, 0, 0) / (hPlus + hMinus);
      stencil.rightSlope = objective.combine(-1, 1, 0, 0, 0) / hPlus;
      stencil.leftSlope = objective.combine(1, 0, -1, 0, 0) / hMinus;
      stencil.noise = (NOISE_FACTOR * Number.EPSILON * objective.magnitude()) / h;
      stencil.evenDeviation = NaN;
      stencil.oddDeviation = NaN;
      const a = analytic[i];
      if (needsWideStencil(a, stencil.central, stencil.rightSlope, stencil.leftSlope, o.atol, o.rtol)) {
        values[i] = v + 2 * h;
        objective.evaluate(PLUS_2H);
        values[i] = v - 2 * h;
        objective.evaluate(MINUS_2H);
        values[i] = v;
        // E(2h) − 4E(h) and D(2h) − D(h), both in derivative units (see verdict.ts).
        stencil.evenDeviation = Math.abs(objective.combine(6, -4, -4, 1, 1)) / (2 * h);
        stencil.oddDeviation = Math.abs(objective.combine(0, -2, 2, 1, -1)) / (4 * h);
      }
      builder.add(i, a, stencil, judge(a, stencil, o.atol, o.rtol));
    }
    entries.push(builder.build());
  }
  return entries;
}

import type { Tensor } from "@nn/tensor";
import { GradcheckError } from "./errors.js";
import { CENTRE, type Objective, PLUS_H } from "./objective.js";
import type { Layer, Mode } from "./types.js";

/** Draws a layer's random masks once and holds them, so every later evaluation sees one function. */
export function holdRandomness(model: Layer, draw: () => unknown): void {
  draw();
  model.holdRandomness?.(true);
}

/** Two evaluations at the same point must agree bit for bit, or differences mean nothing. Leaves CENTRE filled. */
export function requireDeterministic(op: string, who: string, mode: Mode, objective: Objective): void {
  objective.evaluate(CENTRE);
  objective.evaluate(PLUS_H);
  if (!objective.same(CENTRE, PLUS_H)) {
    throw new GradcheckError(
      `${op}: ${who} gave different results for two identical evaluations in '${mode}' mode, so finite differences would measure randomness, not the gradient; implement holdRandomness(hold) (as Dropout does) or check with { mode: 'eval' }`,
    );
  }
}

/** Report notes for whatever was cast to float64. */
export function castNotes(castFrom: "float32" | null, noun: string, tensors: ReadonlyArray<[string, Tensor]>): string[] {
  const notes: string[] = [];
  if (castFrom === "float32") notes.push(`float32 ${noun}: checked on a float64 copy made by cast('float64'); the original is unchanged`);
  for (const [name, t] of tensors) if (t.dtype === "float32") notes.push(`float32 ${name}: checked on a float64 copy`);
  return notes;
}

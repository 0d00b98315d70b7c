import type { Tensor } from "@nn/tensor";

/**
 * Stencil slots: the objective evaluated at θ (CENTRE), θ ± h and θ ± 2h for the coordinate
 * being perturbed. The centre is evaluated once per check.
 */
export const CENTRE = 0, PLUS_H = 1, MINUS_H = 2, PLUS_2H = 3, MINUS_2H = 4;
const SLOTS = 5;

/** The scalar function whose derivative is checked, evaluated into stencil slots. */
export interface Objective {
  /** Evaluates the objective at the current parameter and input values into `slot`. */
  evaluate(slot: number): void;
  /**
   * Σ_s w[s]·L_s. Implementations sum differences before weighting where they can, so terms the
   * perturbation did not touch cancel exactly instead of adding rounding error.
   */
  combine(w0: number, w1: number, w2: number, w3: number, w4: number): number;
  /** Size of the terms that the last ±h evaluation changed: the scale of its rounding error. */
  magnitude(): number;
  /** Whether two slots hold bit-identical evaluations (the determinism check). */
  same(a: number, b: number): boolean;
}

/** A loss or any scalar-valued function. */
export class ScalarObjective implements Objective {
  private readonly values = new Float64Array(SLOTS);
  constructor(private readonly fn: () => number) {}

  evaluate(slot: number): void {
    this.values[slot] = this.fn();
  }

  combine(w0: number, w1: number, w2: number, w3: number, w4: number): number {
    const v = this.values;
    let sum = w0 * v[0] + w1 * v[1] + w2 * v[2];
    if (w3 !== 0) sum += w3 * v[3];
    if (w4 !== 0) sum += w4 * v[4];
    return sum;
  }

  magnitude(): number {
    const v = this.values;
    return Math.max(Math.abs(v[CENTRE]), Math.abs(v[PLUS_H]), Math.abs(v[MINUS_H]));
  }

  same(a: number, b: number): boolean {
    return Object.is(this.values[a], this.values[b]);
  }
}

/**
 * L = Σ_j r_j·y_j for a layer's output y and fixed weights r, so dL/dy = r and one backward pass
 * gives every input and parameter derivative. Each slot keeps a copy of y (layers may reuse
 * their output buffer), and `combine` forms Σ_j r_j·(Σ_s w_s·y_s,j): outputs the perturbation
 * did not reach contribute exactly zero.
 */
export class WeightedOutputObjective implements Objective {
  private readonly outputs: Float64Array[] = [];

  constructor(private readonly forward: () => Tensor, readonly weights: Float64Array) {
    for (let s = 0; s < SLOTS; s++) this.outputs.push(new Float64Array(weights.length));
  }

  evaluate(slot: number): void {
    const y = this.forward();
    if (y.size !== this.weights.length) {
      throw new RangeError(`gradcheck: the layer's output changed size from ${this.weights.length} to ${y.size} between evaluations`);
    }
    this.outputs[slot].set(y.data);
  }

  combine(w0: number, w1: number, w2: number, w3: number, w4: number): number {
    const [y0, y1, y2, y3, y4] = this.outputs;
    const r = this.weights;
    const wide = w3 !== 0 || w4 !== 0;
    let sum = 0;
    for (let j = 0; j < r.length; j++) {
      let d = w0 * y0[j] + w1 * y1[j] + w2 * y2[j];
      if (wide) d += w3 * y3[j] + w4 * y4[j];
      sum += r[j] * d;
    }
    return sum;
  }

  magnitude(): number {
    const [y0, y1, y2] = this.outputs;
    const r = this.weights;
    let sum = 0;
    for (let j = 0; j < r.length; j++) {
      if (y1[j] !== y0[j] || y2[j] !== y0[j]) sum += Math.abs(r[j]) * Math.max(Math.abs(y1[j]), Math.abs(y2[j]));
    }
    return sum;
  }

  same(a: number, b: number): boolean {
    const ya = this.outputs[a], yb = this.outputs[b];
    for (let j = 0; j < ya.length; j++) if (!Object.is(ya[j], yb[j])) return false;
    return true;
  }
}

import type { LayerNorms, TrainParameter } from "./types.js";

/**
 * Parameters grouped by layer, the name up to its last dot (`layers.0.weight` → `layers.0`), so
 * the gradient flow through each layer can be read off per epoch. A parameter without a dot (a
 * bare layer's `weight`) belongs to the group `model`.
 */
export class LayerGroups {
  readonly names: readonly string[];
  private readonly params: readonly TrainParameter[];
  private readonly groupOf: Int32Array;
  /** Σ grad² of each parameter, from the last `measureGrads()`. */
  private readonly gradSquares: Float64Array;

  constructor(params: readonly TrainParameter[]) {
    this.params = params;
    const names: string[] = [];
    this.groupOf = new Int32Array(params.length);
    this.gradSquares = new Float64Array(params.length);
    params.forEach((p, i) => {
      const dot = p.name.lastIndexOf(".");
      const group = dot === -1 ? "model" : p.name.slice(0, dot);
      let index = names.indexOf(group);
      if (index === -1) index = names.push(group) - 1;
      this.groupOf[i] = index;
    });
    this.names = names;
  }

  /**
   * One pass over every gradient: keeps each parameter's Σ grad² for `gradNorms()` and returns
   * the total norm sqrt(Σ grad²), summed parameter by parameter as the norm has always been.
   */
  measureGrads(): number {
    let sum = 0;
    for (let i = 0; i < this.params.length; i++) {
      const squares = sumOfSquares(this.params[i].grad.data);
      this.gradSquares[i] = squares;
      sum += squares;
    }
    return Math.sqrt(sum);
  }

  /** Per-group L2 norms of the gradients as of the last `measureGrads()`, in float64 (no pass over the gradients). */
  gradNorms(): Float64Array {
    const sums = new Float64Array(this.names.length);
    for (let i = 0; i < this.params.length; i++) sums[this.groupOf[i]] += this.gradSquares[i];
    for (let g = 0; g < sums.length; g++) sums[g] = Math.sqrt(sums[g]);
    return sums;
  }

  /** Per-group L2 norms of the values, in float64. */
  weightNorms(): Float64Array {
    const sums = new Float64Array(this.names.length);
    for (let i = 0; i < this.params.length; i++) sums[this.groupOf[i]] += sumOfSquares(this.params[i].value.data);
    for (let g = 0; g < sums.length; g++) sums[g] = Math.sqrt(sums[g]);
    return sums;
  }

  /** `{ name, gradNorm, weightNorm }` per group. */
  describe(gradNorms: Float64Array, weightNorms: Float64Array): LayerNorms[] {
    return this.names.map((name, i) => ({ name, gradNorm: gradNorms[i], weightNorm: weightNorms[i] }));
  }

}

function sumOfSquares(d: Float32Array | Float64Array): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * d[i];
  return s;
}

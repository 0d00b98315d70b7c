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

  constructor(params: readonly TrainParameter[]) {
    this.params = params;
    const names: string[] = [];
    this.groupOf = new Int32Array(params.length);
    params.forEach((p, i) => {
      const dot = p.name.lastIndexOf(".");
      const group = dot === -1 ? "model" : p.name.slice(0, dot);
      let index = names.indexOf(group);
      if (index === -1) index = names.push(group) - 1;
      this.groupOf[i] = index;
    });
    this.names = names;
  }

  /** Per-group L2 norms of the gradients, in float64. */
  gradNorms(): Float64Array {
    return this.groupNorms("grad");
  }

  /** Per-group L2 norms of the values, in float64. */
  weightNorms(): Float64Array {
    return this.groupNorms("value");
  }

  /** `{ name, gradNorm, weightNorm }` per group. */
  describe(gradNorms: Float64Array, weightNorms: Float64Array): LayerNorms[] {
    return this.names.map((name, i) => ({ name, gradNorm: gradNorms[i], weightNorm: weightNorms[i] }));
  }

  private groupNorms(field: "grad" | "value"): Float64Array {
    const sums = new Float64Array(this.names.length);
    for (let i = 0; i < this.params.length; i++) sums[this.groupOf[i]] += sumOfSquares(this.params[i][field].data);
    for (let g = 0; g < sums.length; g++) sums[g] = Math.sqrt(sums[g]);
    return sums;
  }
}

/** sqrt(Σ grad²) over every parameter: the norm gradient clipping compares with its limit. */
export function totalGradNorm(params: readonly TrainParameter[]): number {
  let sum = 0;
  for (const p of params) sum += sumOfSquares(p.grad.data);
  return Math.sqrt(sum);
}

function sumOfSquares(d: Float32Array | Float64Array): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * d[i];
  return s;
}

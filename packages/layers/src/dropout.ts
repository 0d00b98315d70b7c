import { type DType, type Rng, type Tensor, createRng, formatShape, checkOptions, optionKeys, sameShape } from "@nn/tensor";
import { reuseLike } from "./buffer-reuse.js";
import { LayerInputError } from "./errors.js";
import { checkDTypeOption, checkGradient, checkNumberOption } from "./input-checks.js";
import type { LayerSpec } from "./json.js";
import type { Mode } from "./layer.js";
import { LayerBase, backwardShared, forwardShared } from "./layer-base.js";
import type { NamedBuffer, Parameter } from "./parameter.js";

const DROPOUT_OPTIONS = optionKeys<DropoutOptions>()("p", "rng", "dtype");

export interface DropoutOptions {
  /** Probability of zeroing each element in training, in [0, 1] (default 0.5, as PyTorch). */
  p?: number;
  /** Source of the masks; default `createRng(0)`. */
  rng?: Rng;
  /** @deprecated Ignored: Dropout has no parameters and computes in the dtype of its input. */
  dtype?: DType;
}

/**
 * Inverted dropout (Srivastava et al. 2014, scaled as PyTorch): in training each element is zeroed
 * with probability p and survivors are multiplied by 1/(1 − p), so the expected output equals the
 * input and evaluation needs no rescaling. In `eval` mode the layer is the identity.
 */
export class Dropout extends LayerBase {
  readonly typeName = "Dropout";
  readonly p: number;
  /** Always undefined: no parameters, so Dropout follows the dtype of its input. */
  readonly dtype: DType | undefined = undefined;
  private readonly rng: Rng;
  private mask: Tensor | undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;
  private held = false;
  private masked = false;
  private hasMask = false;
  private lastOutput: Tensor | undefined;

  constructor(options?: DropoutOptions);
  /** @deprecated Positional p: write `new Dropout({ p, rng })` (optional settings go in options; CONTRIBUTING.md). */
  constructor(p: number, options?: DropoutOptions);
  constructor(first: DropoutOptions | number = {}, legacy: DropoutOptions = {}) {
    super();
    const options: DropoutOptions = typeof first === "number" ? { ...legacy, p: first } : first;
    checkOptions("Dropout", options, DROPOUT_OPTIONS);
    this.p = checkNumberOption("Dropout", "p", options.p ?? 0.5, (v) => v >= 0 && v <= 1, "in [0, 1]");
    checkDTypeOption("Dropout", options.dtype);
    this.rng = options.rng ?? createRng(0);
  }

  [forwardShared](x: Tensor, mode: Mode): Tensor {
    if (mode === "eval" || this.p === 0) {
      this.masked = false;
      this.lastOutput = x;
      return x;
    }
    if (this.held && this.hasMask && !sameShape((this.mask as Tensor).shape, x.shape)) {
      throw new LayerInputError(this.describe(), `randomness is held, so the input must keep the shape of the held mask ${formatShape((this.mask as Tensor).shape)}, got ${formatShape(x.shape)}`);
    }
    // A held mask keeps its values when the input's dtype changes (gradcheck's float64 copy).
    if (this.held && this.mask !== undefined && this.mask.dtype !== x.dtype) this.mask = this.mask.astype(x.dtype);
    const mask = reuseLike(this.mask, x, x.dtype);
    if (!(this.held && this.hasMask)) {
      const p = this.p, keep = p === 1 ? 0 : 1 / (1 - p), m = mask.data, rng = this.rng;
      for (let i = 0; i < m.length; i++) m[i] = rng.next() < p ? 0 : keep;
      this.hasMask = true;
    }
    const y = reuseLike(this.y, x, x.dtype);
    const xd = x.data, md = mask.data, yd = y.data;
    for (let i = 0; i < yd.length; i++) yd[i] = xd[i] * md[i];
    this.mask = mask;
    this.y = y;
    this.masked = true;
    this.lastOutput = y;
    return y;
  }

  // docs/math_derivations.md §5: dx = dy ⊙ mask (the same mask and scale as the forward pass)
  [backwardShared](dy: Tensor): Tensor {
    checkGradient(this, dy, this.lastOutput);
    if (!this.masked) return dy;
    const dx = reuseLike(this.dx, dy, dy.dtype);
    const g = dy.data, md = (this.mask as Tensor).data, out = dx.data;
    for (let i = 0; i < out.length; i++) out[i] = g[i] * md[i];
    this.dx = dx;
    return dx;
  }

  /** While held, training-mode forward passes reuse the last mask (for numerical gradient checks). */
  holdRandomness(hold: boolean): void {
    this.held = hold;
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): NamedBuffer[] {
    return [];
  }

  /** A copy with its own generator, started from seed 0 (an Rng's state cannot be copied). */
  cast(dtype: DType): Dropout {
    const copy = new Dropout({ p: this.p });
    if (this.mask !== undefined) {
      copy.mask = this.mask.astype(dtype);
      copy.hasMask = this.hasMask;
    }
    copy.held = this.held;
    return copy;
  }

  outputFeatures(inputFeatures: number | undefined): number | undefined {
    return inputFeatures;
  }

  describe(): string {
    return `Dropout(${this.p})`;
  }

  toSpec(): LayerSpec {
    return { type: this.typeName, config: { p: this.p } };
  }
}

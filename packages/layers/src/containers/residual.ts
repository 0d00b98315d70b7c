import { type DType, type Tensor, formatShape, sameShape } from "@nn/tensor";
import { reuseLike } from "../buffer-reuse.js";
import { LayerInputError } from "../errors.js";
import { checkDType, checkGradient } from "../input-checks.js";
import type { JsonObject, LayerSpec } from "../json.js";
import type { Layer, Mode } from "../layer.js";
import { LayerBase, backwardShared, chainBackward, chainForward, forwardShared } from "../layer-base.js";
import { type NamedBuffer, type Parameter, PrefixedBuffer, PrefixedParameter } from "../parameter.js";

/** `block.block.…` for `levels` levels of nesting: the name prefix of a block nested that deep. */
function blockPath(levels: number): string {
  return Array.from({ length: levels }, () => "block").join(".");
}

/** Nesting deeper than this is described as `Residual×n(…)` rather than n pairs of parentheses. */
const SPELLED_OUT_NESTING = 3;

/**
 * y = x + block(x) (He et al. 2016). The block must map its input to the same shape.
 * Residuals nested directly in each other (`Residual(Residual(…))`) are walked in loops, never by
 * recursion, so 20,000 levels cost no stack in any pass, in `parameters()`, `cast` or the model file.
 */
export class Residual extends LayerBase {
  readonly typeName = "Residual";
  readonly block: Layer;
  /** The block's parameter dtype (undefined when it has no parameters). */
  readonly dtype: DType | undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;
  private params: Parameter[] | undefined;
  private nested: { readonly chain: readonly Residual[]; readonly inner: Layer } | undefined;

  constructor(block: Layer) {
    super();
    if (block === null || typeof block !== "object" || typeof block.forward !== "function") {
      throw new TypeError("Residual: block must be a Layer");
    }
    this.block = block;
    this.dtype = block.dtype;
  }

  /** This residual and those nested directly in it, outermost first, and the first block that is not one. */
  private nesting(): { readonly chain: readonly Residual[]; readonly inner: Layer } {
    if (this.nested === undefined) {
      const chain: Residual[] = [this];
      let block = this.block;
      // Exactly Residual: a subclass may override a pass, so it is treated as an ordinary block.
      while (Object.getPrototypeOf(block) === Residual.prototype) {
        chain.push(block as Residual);
        block = (block as Residual).block;
      }
      this.nested = { chain, inner: block };
    }
    return this.nested;
  }

  /** Levels of Residual from this one down to the first other block (1 when the block is no Residual). */
  get depth(): number {
    return this.nesting().chain.length;
  }

  [forwardShared](x: Tensor, mode: Mode): Tensor {
    checkDType(this, x);
    const { chain, inner } = this.nesting();
    let fx: Tensor;
    try {
      fx = chainForward(inner, x, mode);
    } catch (e) {
      throw e instanceof LayerInputError ? e.within(blockPath(chain.length)) : e;
    }
    if (!sameShape(fx.shape, x.shape)) {
      const last = chain[chain.length - 1];
      throw new LayerInputError(last.describe(), `block maps input ${formatShape(x.shape)} to ${formatShape(fx.shape)}; a residual block must keep the shape`, blockPath(chain.length - 1));
    }
    return Residual.addLevels(chain, x, fx, "y");
  }

  // docs/math_derivations.md §7: dx = dy + block.backward(dy), the identity path passes dy unchanged.
  // Every level receives the same dy, so level i's dx is dy plus level i + 1's dx.
  [backwardShared](dy: Tensor): Tensor {
    checkGradient(this, dy, this.y);
    const { chain, inner } = this.nesting();
    let dBlock: Tensor;
    try {
      dBlock = chainBackward(inner, dy);
    } catch (e) {
      throw e instanceof LayerInputError ? e.within(blockPath(chain.length)) : e;
    }
    return Residual.addLevels(chain, dy, dBlock, "dx");
  }

  /**
   * Both passes have one shape: innermost level first, each level's result (kept in its `slot`
   * buffer) is `base` plus the result of the level inside it, `innermost` being the block's.
   */
  private static addLevels(chain: readonly Residual[], base: Tensor, innermost: Tensor, slot: "y" | "dx"): Tensor {
    const bd = base.data;
    let inside = innermost;
    for (let level = chain.length - 1; level >= 0; level--) {
      const r = chain[level];
      const result = reuseLike(r[slot], base, base.dtype);
      const id = inside.data, rd = result.data;
      for (let i = 0; i < rd.length; i++) rd[i] = bd[i] + id[i];
      r[slot] = result;
      inside = result;
    }
    return inside;
  }

  parameters(): Parameter[] {
    if (this.params === undefined) {
      const { chain, inner } = this.nesting();
      const prefix = blockPath(chain.length);
      this.params = inner.parameters().map((p) => new PrefixedParameter(prefix, p));
    }
    return this.params;
  }

  buffers(): NamedBuffer[] {
    const { chain, inner } = this.nesting();
    const prefix = blockPath(chain.length);
    return inner.buffers().map((b) => new PrefixedBuffer(prefix, b));
  }

  holdRandomness(hold: boolean): void {
    this.nesting().inner.holdRandomness?.(hold);
  }

  cast(dtype: DType): Residual {
    const { chain, inner } = this.nesting();
    let copy = new Residual(inner.cast(dtype));
    for (let level = 1; level < chain.length; level++) copy = new Residual(copy);
    return copy;
  }

  outputFeatures(inputFeatures: number | undefined): number | undefined {
    const { chain, inner } = this.nesting();
    let out: number | undefined;
    try {
      out = inner.outputFeatures(inputFeatures);
    } catch (e) {
      throw e instanceof LayerInputError ? e.within(blockPath(chain.length)) : e;
    }
    if (inputFeatures !== undefined && out !== undefined && out !== inputFeatures) {
      const last = chain[chain.length - 1];
      throw new LayerInputError(last.describe(), `block maps ${inputFeatures} features to ${out}; a residual block must keep the width`, blockPath(chain.length - 1));
    }
    return out ?? inputFeatures;
  }

  describe(): string {
    const { chain, inner } = this.nesting();
    const n = chain.length;
    if (n > SPELLED_OUT_NESTING) return `Residual×${n}(${inner.describe()})`;
    return `${"Residual(".repeat(n)}${inner.describe()}${")".repeat(n)}`;
  }

  /**
   * Directly nested residuals are written as one spec with `depth` (a JSON text nested 20,000
   * levels deep is more than JSON.stringify can write); a single level has no `depth`, as before.
   */
  toSpec(): LayerSpec {
    const { chain, inner } = this.nesting();
    const block = inner.toSpec();
    const config: JsonObject = { block: { type: block.type, config: block.config } };
    if (chain.length > 1) config.depth = chain.length;
    return { type: this.typeName, config };
  }
}

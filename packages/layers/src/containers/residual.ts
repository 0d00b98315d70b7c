import { type DType, type Tensor, formatShape } from "@nn/tensor";
import { reuseLike, sameShape } from "../buffer-reuse.js";
import { LayerInputError } from "../errors.js";
import { checkDType, checkGradient } from "../input-checks.js";
import type { LayerSpec } from "../json.js";
import type { Layer, Mode } from "../layer.js";
import { LayerBase, backwardShared, chainBackward, chainForward, forwardShared } from "../layer-base.js";
import { type NamedBuffer, type Parameter, PrefixedBuffer, PrefixedParameter } from "../parameter.js";

/** y = x + block(x) (He et al. 2016). The block must map its input to the same shape. */
export class Residual extends LayerBase {
  readonly typeName = "Residual";
  readonly block: Layer;
  /** The block's parameter dtype (undefined when it has no parameters). */
  readonly dtype: DType | undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;
  private params: Parameter[] | undefined;

  constructor(block: Layer) {
    super();
    if (block === null || typeof block !== "object" || typeof block.forward !== "function") {
      throw new TypeError("Residual: block must be a Layer");
    }
    this.block = block;
    this.dtype = block.dtype;
  }

  [forwardShared](x: Tensor, mode: Mode): Tensor {
    checkDType(this, x);
    let fx: Tensor;
    try {
      fx = chainForward(this.block, x, mode);
    } catch (e) {
      throw e instanceof LayerInputError ? e.within("block") : e;
    }
    if (!sameShape(fx.shape, x.shape)) {
      throw new LayerInputError(this.describe(), `block maps input ${formatShape(x.shape)} to ${formatShape(fx.shape)}; a residual block must keep the shape`);
    }
    const y = reuseLike(this.y, x, x.dtype);
    const xd = x.data, fd = fx.data, yd = y.data;
    for (let i = 0; i < yd.length; i++) yd[i] = xd[i] + fd[i];
    this.y = y;
    return y;
  }

  // docs/math_derivations.md §7: dx = dy + block.backward(dy), the identity path passes dy unchanged
  [backwardShared](dy: Tensor): Tensor {
    checkGradient(this, dy, this.y);
    let dBlock: Tensor;
    try {
      dBlock = chainBackward(this.block, dy);
    } catch (e) {
      throw e instanceof LayerInputError ? e.within("block") : e;
    }
    const dx = reuseLike(this.dx, dy, dy.dtype);
    const g = dy.data, b = dBlock.data, out = dx.data;
    for (let i = 0; i < out.length; i++) out[i] = g[i] + b[i];
    this.dx = dx;
    return dx;
  }

  parameters(): Parameter[] {
    this.params ??= this.block.parameters().map((p) => new PrefixedParameter("block", p));
    return this.params;
  }

  buffers(): NamedBuffer[] {
    return this.block.buffers().map((b) => new PrefixedBuffer("block", b));
  }

  holdRandomness(hold: boolean): void {
    this.block.holdRandomness?.(hold);
  }

  cast(dtype: DType): Residual {
    return new Residual(this.block.cast(dtype));
  }

  outputFeatures(inputFeatures: number | undefined): number | undefined {
    const out = this.block.outputFeatures(inputFeatures);
    if (inputFeatures !== undefined && out !== undefined && out !== inputFeatures) {
      throw new LayerInputError(this.describe(), `block maps ${inputFeatures} features to ${out}; a residual block must keep the width`);
    }
    return out ?? inputFeatures;
  }

  describe(): string {
    return `Residual(${this.block.describe()})`;
  }

  toSpec(): LayerSpec {
    const block = this.block.toSpec();
    return { type: this.typeName, config: { block: { type: block.type, config: block.config } } };
  }
}

import { checkOptions, optionKeys } from "@nn/tensor";
import type { DType, Tensor, TypedArray } from "@nn/tensor";
import { reuseLike } from "../buffer-reuse.js";
import { checkDTypeOption, checkGradient } from "../input-checks.js";
import type { JsonObject, LayerSpec } from "../json.js";
import type { Mode } from "../layer.js";
import { LayerBase, adoptForward, backwardShared, forwardShared } from "../layer-base.js";
import type { NamedBuffer, Parameter } from "../parameter.js";

export interface ActivationOptions {
  /**
   * @deprecated Ignored: a layer without parameters computes in the dtype of its input. Still
   * accepted (and checked to be 'float32' or 'float64') so code written for 0.1 keeps working.
   */
  dtype?: DType;
}

export const ACTIVATION_OPTIONS = optionKeys<ActivationOptions>()("dtype");

/**
 * An activation applied to each element on its own, to input of any shape. Subclasses hold only
 * the two loops of their formula: `apply` (y from x) and `gradient` (dx from x, y and dy).
 */
export abstract class ElementwiseActivation extends LayerBase {
  /** Always undefined: no parameters, so the layer follows the dtype of its input. */
  readonly dtype: DType | undefined = undefined;
  private x: Tensor | undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;
  /** `y` is the output buffer of the Dense that applied this activation (see adoptForward). */
  private adopted = false;

  /** `knownOptions`: the option keys of the subclass, for `checkOptions`. */
  constructor(options: ActivationOptions = {}, knownOptions: readonly string[] = ACTIVATION_OPTIONS) {
    super();
    checkOptions(new.target.name, options, knownOptions);
    checkDTypeOption(new.target.name, options.dtype);
  }

  /** y[i] = f(x[i]) for every i. */
  protected abstract apply(x: TypedArray, y: TypedArray): void;
  /** dx[i] = dy[i] · f'(x[i]), with y[i] = f(x[i]) available when it is cheaper. */
  protected abstract gradient(x: TypedArray, y: TypedArray, dy: TypedArray, dx: TypedArray): void;

  [forwardShared](x: Tensor, _mode: Mode): Tensor {
    // A buffer adopted from a Dense is that layer's, never this one's to write.
    const y = reuseLike(this.adopted ? undefined : this.y, x, x.dtype, true);
    this.adopted = false;
    this.apply(x.data, y.data);
    this.x = x;
    this.y = y;
    return y;
  }

  /**
   * Takes y as this layer's output for x, computed by the layer before it (a Dense that applied
   * this activation in its product's epilogue), so that backward works as after forward.
   */
  [adoptForward](x: Tensor, y: Tensor): void {
    this.x = x;
    this.y = y;
    this.adopted = true;
  }

  [backwardShared](dy: Tensor): Tensor {
    const y = checkGradient(this, dy, this.y);
    const dx = reuseLike(this.dx, dy, dy.dtype, true);
    this.gradient((this.x as Tensor).data, y.data, dy.data, dx.data);
    this.dx = dx;
    return dx;
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): NamedBuffer[] {
    return [];
  }

  outputFeatures(inputFeatures: number | undefined): number | undefined {
    return inputFeatures;
  }

  /** Hyper-parameters, as stored in the model file. */
  protected config(): JsonObject {
    return {};
  }

  describe(): string {
    const values = Object.values(this.config());
    return values.length === 0 ? this.typeName : `${this.typeName}(${values.map(String).join(", ")})`;
  }

  toSpec(): LayerSpec {
    return { type: this.typeName, config: this.config() };
  }
}

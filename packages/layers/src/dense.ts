import { type DType, type MatmulOptions, type Rng, type Tensor, createRng, kernels, matmul, zeros, checkOptions, optionKeys } from "@nn/tensor";
import { ReLU } from "./activations/relu.js";
import { reuseMatrix } from "./buffer-reuse.js";
import { LayerInputError } from "./errors.js";
import { type InitScheme, INIT_SCHEMES, initWeight, isInitScheme } from "./initializers.js";
import { checkDTypeOption, checkGradient, checkMatrix, checkPositiveInt } from "./input-checks.js";
import type { LayerSpec } from "./json.js";
import type { Layer, Mode } from "./layer.js";
import { LayerBase, absorbsNext, adoptForward, backwardShared, forwardAbsorbing, forwardShared } from "./layer-base.js";
import { type NamedBuffer, OwnParameter, type Parameter } from "./parameter.js";

const DENSE_OPTIONS = optionKeys<DenseOptions>()("init", "bias", "rng", "dtype");

export interface DenseOptions {
  /** Weight initialisation; default `he-normal` (the seed project's choice, suited to ReLU nets). */
  init?: InitScheme;
  /** Whether to add a bias (default true). The bias starts at zero. */
  bias?: boolean;
  /** Source of the initial weights; default `createRng(0)`, so an unseeded model is still deterministic. */
  rng?: Rng;
  dtype?: DType;
}

/**
 * Fully connected layer y = x·W + b with W of shape [in, out] and b of shape [out].
 *
 * The bias starts at zero rather than PyTorch's uniform(±1/√fanIn): with He or Xavier weights
 * the outputs are already symmetric around zero, and a zero bias keeps a fresh layer's output a
 * pure function of the weights, as in the seed project.
 */
export class Dense extends LayerBase {
  readonly typeName = "Dense";
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly dtype: DType;
  readonly init: InitScheme;
  readonly weight: Parameter;
  readonly bias: Parameter | null;

  private x: Tensor | undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;
  /** x·W + b in one kernel call (the bias is the product's epilogue). */
  private readonly forwardOptions: MatmulOptions;
  /** max(x·W + b, 0) in one kernel call, when a ReLU follows in a Sequential. */
  private readonly forwardReluOptions: MatmulOptions;
  /** grad(W) += xᵀ·dy, accumulated by the product itself (no scratch, no second pass). */
  private readonly weightGradOptions: MatmulOptions;
  private readonly inputGradOptions: MatmulOptions = { transposeB: true };

  constructor(inFeatures: number, outFeatures: number, options: DenseOptions = {}) {
    super();
    checkOptions("Dense", options, DENSE_OPTIONS);
    this.inFeatures = checkPositiveInt("Dense", "inFeatures", inFeatures);
    this.outFeatures = checkPositiveInt("Dense", "outFeatures", outFeatures);
    this.dtype = checkDTypeOption("Dense", options.dtype);
    const init = options.init ?? "he-normal";
    if (!isInitScheme(init)) throw new RangeError(`Dense: init must be one of ${INIT_SCHEMES.join(", ")}, got ${JSON.stringify(init)}`);
    this.init = init;
    const rng = options.rng ?? createRng(0);
    this.weight = new OwnParameter("weight", initWeight(init, [inFeatures, outFeatures], rng, this.dtype), "weight");
    this.bias = options.bias === false ? null : new OwnParameter("bias", zeros([outFeatures], this.dtype), "bias");
    this.forwardOptions = {};
    this.forwardReluOptions = { relu: true };
    this.weightGradOptions = { transposeA: true, accumulate: true };
  }

  [forwardShared](x: Tensor, _mode: Mode): Tensor {
    return this.project(x, this.forwardOptions);
  }

  /** A ReLU right after this layer is the product's epilogue: no separate pass over y. */
  override [absorbsNext](next: Layer): boolean {
    return Object.getPrototypeOf(next) === ReLU.prototype;
  }

  /**
   * max(x·W + b, 0) into this layer's buffer, handed to the absorbed ReLU as its output. ReLU's
   * backward reads only where its output is positive, which is where its input was.
   */
  override [forwardAbsorbing](x: Tensor, _mode: Mode, next: Layer): Tensor {
    const y = this.project(x, this.forwardReluOptions);
    (next as ReLU)[adoptForward](y, y);
    return y;
  }

  private project(x: Tensor, options: MatmulOptions): Tensor {
    checkMatrix(this, x, this.inFeatures);
    const y = reuseMatrix(this.y, x.shape[0], this.outFeatures, this.dtype, true);
    options.out = y;
    // read each call: a parameter's value may be replaced (p.value = …), not only written into
    if (this.bias !== null) options.bias = this.bias.value;
    matmul(x, this.weight.value, options);
    this.x = x;
    this.y = y;
    return y;
  }

  // docs/math_derivations.md §2.1: dW = xᵀ·dy, db = Σ_rows dy, dx = dy·Wᵀ
  [backwardShared](dy: Tensor, inputGradient = true): Tensor {
    checkGradient(this, dy, this.y);
    const x = this.x as Tensor;
    const n = x.shape[0], out = this.outFeatures;
    this.weightGradOptions.out = this.weight.grad;
    matmul(x, dy, this.weightGradOptions);
    if (this.bias !== null) kernels().addColumnSums(dy.data, this.bias.grad.data, n, out);
    if (!inputGradient) return dy;
    const dx = reuseMatrix(this.dx, n, this.inFeatures, this.dtype, true);
    this.inputGradOptions.out = dx;
    matmul(dy, this.weight.value, this.inputGradOptions);
    this.dx = dx;
    return dx;
  }

  parameters(): Parameter[] {
    return this.bias === null ? [this.weight] : [this.weight, this.bias];
  }

  buffers(): NamedBuffer[] {
    return [];
  }

  cast(dtype: DType): Dense {
    const copy = new Dense(this.inFeatures, this.outFeatures, { init: "zeros", bias: this.bias !== null, dtype });
    copy.weight.value.data.set(this.weight.value.data);
    if (this.bias !== null && copy.bias !== null) copy.bias.value.data.set(this.bias.value.data);
    return copy;
  }

  outputFeatures(inputFeatures: number | undefined): number {
    if (inputFeatures !== undefined && inputFeatures !== this.inFeatures) {
      throw new LayerInputError(this.describe(), `expected input [n, ${this.inFeatures}], got [n, ${inputFeatures}]`);
    }
    return this.outFeatures;
  }

  describe(): string {
    return `Dense(${this.inFeatures}→${this.outFeatures})`;
  }

  toSpec(): LayerSpec {
    return {
      type: this.typeName,
      config: { inFeatures: this.inFeatures, outFeatures: this.outFeatures, bias: this.bias !== null, init: this.init, dtype: this.dtype },
    };
  }
}

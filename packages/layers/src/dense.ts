import { type DType, type MatmulOptions, type Rng, type Tensor, createRng, kernels, matmul, zeros, checkOptions, optionKeys } from "@nn/tensor";
import { reuseMatrix } from "./buffer-reuse.js";
import { LayerInputError } from "./errors.js";
import { type InitScheme, INIT_SCHEMES, initWeight, isInitScheme } from "./initializers.js";
import { checkDTypeOption, checkGradient, checkMatrix, checkPositiveInt } from "./input-checks.js";
import type { LayerSpec } from "./json.js";
import type { Mode } from "./layer.js";
import { LayerBase, backwardShared, forwardShared } from "./layer-base.js";
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
  private readonly dW: Tensor;
  private readonly forwardOptions: MatmulOptions = {};
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
    this.dW = zeros([inFeatures, outFeatures], this.dtype);
    this.weightGradOptions = { transposeA: true, out: this.dW };
  }

  [forwardShared](x: Tensor, _mode: Mode): Tensor {
    checkMatrix(this, x, this.inFeatures);
    const n = x.shape[0], out = this.outFeatures;
    const y = reuseMatrix(this.y, n, out, this.dtype);
    this.forwardOptions.out = y;
    matmul(x, this.weight.value, this.forwardOptions);
    if (this.bias !== null) kernels().addRow(y.data, this.bias.value.data, n, out);
    this.x = x;
    this.y = y;
    return y;
  }

  // docs/math_derivations.md §2.1: dW = xᵀ·dy, db = Σ_rows dy, dx = dy·Wᵀ
  [backwardShared](dy: Tensor): Tensor {
    checkGradient(this, dy, this.y);
    const x = this.x as Tensor;
    const n = x.shape[0], out = this.outFeatures;
    matmul(x, dy, this.weightGradOptions);
    kernels().axpy(1, this.dW.data, this.weight.grad.data);
    if (this.bias !== null) kernels().sumRowsInto(dy.data, this.bias.grad.data, n, out);
    const dx = reuseMatrix(this.dx, n, this.inFeatures, this.dtype);
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

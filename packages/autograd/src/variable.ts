import { type DType, type Tensor, ShapeError, checkOptions, formatShape, optionKeys, sameShape, zeros } from "@nn/tensor";
import { runBackward } from "./backward.js";
import type { GradNode } from "./grad-node.js";

export interface VariableOptions {
  /** Record operations on this variable and accumulate its gradient (default false). */
  requiresGrad?: boolean;
  /** Used in optimizer state dicts and messages (default `variable<k>`). */
  name?: string;
  /**
   * A gradient tensor to accumulate into instead of a fresh one, to share it with someone else:
   * `fromParameter` passes a `@nn/layers` parameter's own `grad`.
   */
  grad?: Tensor;
}

export interface BackwardOptions {
  /** Keep the graph's saved values so that `backward` can run through it again (default false). */
  retainGraph?: boolean;
}

let created = 0;
const VARIABLE_OPTIONS = optionKeys<VariableOptions>()("requiresGrad", "name", "grad");
const BACKWARD_OPTIONS = optionKeys<BackwardOptions>()("retainGraph");

/**
 * A tensor that remembers how it was computed. Operations on variables that require a gradient
 * are recorded as they run (define-by-run); `backward()` then walks that record in reverse and
 * ADDS ∂L/∂v into the `grad` of every leaf variable v with `requiresGrad`, as PyTorch does
 * (zero the gradients before each step). `{ name, value, grad }` is the shape `@nn/optim`
 * optimizers step, so a variable is a parameter as it stands.
 */
export class Variable {
  /** The current value. Optimizers replace its contents in place. */
  value: Tensor;
  readonly name: string;
  /** The operation that produced this variable, or null for a leaf (a value you created). */
  readonly gradFn: GradNode | null;
  private gradient: Tensor | undefined;
  private retains = false;
  private tracked: boolean;

  /**
   * `gradFn` is for the ops of this package: results of recorded operations carry the tape entry
   * that made them. Create leaves with `new Variable(tensor, { requiresGrad })`.
   */
  constructor(value: Tensor, options: VariableOptions = {}, gradFn: GradNode | null = null) {
    if (typeof value !== "object" || value === null || !("data" in value) || !("shape" in value)) {
      throw new TypeError(`Variable: value must be a Tensor, got ${value === null ? "null" : typeof value}`);
    }
    checkOptions("Variable", options, VARIABLE_OPTIONS);
    this.value = value;
    this.tracked = gradFn !== null || options.requiresGrad === true;
    this.name = options.name ?? `variable${created++}`;
    this.gradFn = gradFn;
    if (options.grad !== undefined) this.grad = options.grad;
  }

  get shape(): readonly number[] {
    return this.value.shape;
  }

  get dtype(): DType {
    return this.value.dtype;
  }

  get size(): number {
    return this.value.size;
  }

  /** Whether operations on this variable are recorded and its gradient accumulated. */
  get requiresGrad(): boolean {
    return this.tracked;
  }

  /** Only a leaf's flag can be changed (a result's is fixed by how it was computed), as in PyTorch. */
  set requiresGrad(value: boolean) {
    if (this.gradFn !== null) {
      throw new Error(`Variable "${this.name}": requiresGrad can only be changed on a leaf; this is the result of ${this.gradFn.op} (use detach() for a copy outside the graph)`);
    }
    this.tracked = value === true;
  }

  /** True for a variable you created (not the result of a recorded operation). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /**
   * ∂L/∂(this variable) accumulated by every `backward()` so far: zeros until the first one.
   * Only leaves accumulate, unless `retainGrad()` was called on an intermediate result.
   */
  get grad(): Tensor {
    this.gradient ??= zeros(this.value.shape, this.value.dtype);
    return this.gradient;
  }

  set grad(g: Tensor) {
    if (!sameShape(g.shape, this.value.shape)) {
      throw new ShapeError(`Variable "${this.name}": grad must have the value's shape ${formatShape(this.value.shape)}, got ${formatShape(g.shape)}`);
    }
    this.gradient = g;
  }

  /** Sets the accumulated gradient to zero (in place, so anyone holding `grad` sees it). */
  zeroGrad(): void {
    this.gradient?.data.fill(0);
  }

  /** Makes `backward()` accumulate into this intermediate result's `grad` too (PyTorch's `retain_grad`). */
  retainGrad(): this {
    this.retains = true;
    return this;
  }

  /** @internal whether backward accumulates into this variable's `grad`. */
  get accumulatesGrad(): boolean {
    return this.requiresGrad && (this.gradFn === null || this.retains);
  }

  /**
   * Reverse-mode differentiation from this variable: ADDS ∂L/∂v into `grad` of every leaf v that
   * requires it. A scalar (size 1) needs no seed; otherwise pass `seed`, the gradient of the final
   * loss with respect to this tensor (PyTorch's `gradient=` argument). The graph is freed after
   * use unless `retainGraph` is set. Never recursive: a chain of any length works.
   */
  backward(seed?: Tensor | number, options: BackwardOptions = {}): void {
    checkOptions("backward", options, BACKWARD_OPTIONS);
    runBackward(this, seed, options.retainGraph === true);
  }

  /** The same value (shared, not copied) as a new leaf outside the graph: nothing flows back through it. */
  detach(): Variable {
    return new Variable(this.value, { name: `${this.name}.detach` });
  }

  /** The value of a single-element variable as a number. */
  item(): number {
    if (this.value.size !== 1) {
      throw new ShapeError(`Variable "${this.name}": item() needs a single element, got shape ${formatShape(this.value.shape)}`);
    }
    return this.value.data[0];
  }

  toString(): string {
    const from = this.gradFn === null ? (this.requiresGrad ? ", requiresGrad" : "") : `, gradFn=${this.gradFn.op}`;
    return `Variable(${this.name} ${this.value.dtype} ${formatShape(this.value.shape)}${from})`;
  }
}

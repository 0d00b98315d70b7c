import { type DType, type Tensor, ShapeError, checkOptions, formatShape, optionKeys, sameShape, zeros } from "@nn/tensor";
import { giveTensor } from "./buffer-pool.js";
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
  readonly name: string;
  /** The operation that produced this variable, or null for a leaf (a value you created). */
  readonly gradFn: GradNode | null;
  private current: Tensor;
  /** The value lives in a pooled buffer nobody has been handed: a freed graph may recycle it. */
  private recyclable = false;
  private recycled = false;
  private gradient: Tensor | undefined;
  private retains = false;
  private tracked: boolean;
  /** @internal Bookkeeping of the backward pass walking through this result (backward.ts). */
  pass = 0;
  /** @internal Uses inside that pass that have not sent their gradient yet. */
  usesLeft = 0;
  /** @internal The sum of the gradients sent so far in that pass. */
  pendingGrad: Tensor | undefined = undefined;

  /**
   * `gradFn` is for the ops of this package: results of recorded operations carry the tape entry
   * that made them. Create leaves with `new Variable(tensor, { requiresGrad })`.
   */
  constructor(value: Tensor, options: VariableOptions = {}, gradFn: GradNode | null = null) {
    if (typeof value !== "object" || value === null || !("data" in value) || !("shape" in value)) {
      throw new TypeError(`Variable: value must be a Tensor, got ${value === null ? "null" : typeof value}`);
    }
    // The ops of this package pass { name } with a gradFn; only what users write needs checking.
    if (gradFn === null) checkOptions("Variable", options, VARIABLE_OPTIONS);
    this.current = value;
    this.tracked = gradFn !== null || options.requiresGrad === true;
    this.name = options.name ?? `variable${created++}`;
    this.gradFn = gradFn;
    if (options.grad !== undefined) this.grad = options.grad;
  }

  /**
   * The current value; optimizers replace its contents in place. A value you read is yours for
   * good. The value of an intermediate result you never read is recycled after its graph is
   * freed (see "Memory" in the README): it stays readable until the next `backward()` that runs
   * after the one that freed it; reading it later is an error that says so.
   */
  get value(): Tensor {
    const v = this.valueForOps;
    this.recyclable = false;
    return v;
  }

  set value(t: Tensor) {
    this.current = t;
    this.recyclable = false;
    this.recycled = false;
  }

  /** @internal The value as this package's ops read it: without handing it out, so it stays recyclable. */
  get valueForOps(): Tensor {
    if (this.recycled) {
      throw new Error(
        `Variable "${this.name}": its value was recycled: it is an intermediate result of a graph freed by backward(), and a later backward() reused its memory. Read .value before that later backward() (a value once read is yours), or compute it inside noGrad`,
      );
    }
    return this.current;
  }

  /** @internal Marks the value as living in a pooled buffer this package may recycle. */
  markRecyclable(): void {
    this.recyclable = true;
  }

  /** @internal Keeps the value out of the pool for good (backward's root, detach). */
  pin(): void {
    this.recyclable = false;
  }

  /** @internal Gives the value's buffer back to the pool unless it was handed out meanwhile. */
  recycle(): void {
    if (!this.recyclable) return;
    this.recyclable = false;
    this.recycled = true;
    giveTensor(this.current);
  }

  get shape(): readonly number[] {
    return this.current.shape;
  }

  get dtype(): DType {
    return this.current.dtype;
  }

  get size(): number {
    return this.current.size;
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
    this.gradient ??= zeros(this.current.shape, this.current.dtype);
    return this.gradient;
  }

  set grad(g: Tensor) {
    if (!sameShape(g.shape, this.current.shape)) {
      throw new ShapeError(`Variable "${this.name}": grad must have the value's shape ${formatShape(this.current.shape)}, got ${formatShape(g.shape)}`);
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
    const v = this.valueForOps;
    if (v.size !== 1) {
      throw new ShapeError(`Variable "${this.name}": item() needs a single element, got shape ${formatShape(v.shape)}`);
    }
    return v.data[0];
  }

  toString(): string {
    const from = this.gradFn === null ? (this.requiresGrad ? ", requiresGrad" : "") : `, gradFn=${this.gradFn.op}`;
    return `Variable(${this.name} ${this.current.dtype} ${formatShape(this.current.shape)}${from})`;
  }
}

import { type Tensor, zeros } from "@nn/tensor";

/**
 * What a parameter is for. Regularisers and optimizers use it to tell a Dense weight (usually
 * decayed) from a bias or a norm layer's scale and shift (usually not).
 */
export type ParameterKind = "weight" | "bias" | "norm-weight" | "norm-bias";

/** A trainable tensor and the gradient that `backward` adds into (PyTorch's convention). */
export interface Parameter {
  readonly name: string;
  value: Tensor;
  grad: Tensor;
  readonly kind?: ParameterKind;
}

/** Non-trainable state a layer keeps between calls (BatchNorm's running statistics). */
export interface NamedBuffer {
  readonly name: string;
  value: Tensor;
}

/** A layer's own parameter: a value and a zeroed gradient of the same shape and dtype. */
export class OwnParameter implements Parameter {
  readonly name: string;
  readonly kind: ParameterKind;
  value: Tensor;
  grad: Tensor;

  constructor(name: string, value: Tensor, kind: ParameterKind) {
    this.name = name;
    this.kind = kind;
    this.value = value;
    this.grad = zeros(value.shape, value.dtype);
  }
}

/**
 * A child's parameter seen through a container: a longer name (`layers.0.weight`), the same
 * tensors. Reads and writes go to the child, so replacing `value` through either name is seen by both.
 */
export class PrefixedParameter implements Parameter {
  readonly name: string;
  private readonly inner: Parameter;

  constructor(prefix: string, inner: Parameter) {
    this.name = `${prefix}.${inner.name}`;
    this.inner = inner;
  }

  get kind(): ParameterKind | undefined {
    return this.inner.kind;
  }
  get value(): Tensor {
    return this.inner.value;
  }
  set value(v: Tensor) {
    this.inner.value = v;
  }
  get grad(): Tensor {
    return this.inner.grad;
  }
  set grad(g: Tensor) {
    this.inner.grad = g;
  }
}

/** A child's buffer seen through a container, under a prefixed name. */
export class PrefixedBuffer implements NamedBuffer {
  readonly name: string;
  private readonly inner: NamedBuffer;

  constructor(prefix: string, inner: NamedBuffer) {
    this.name = `${prefix}.${inner.name}`;
    this.inner = inner;
  }

  get value(): Tensor {
    return this.inner.value;
  }
  set value(v: Tensor) {
    this.inner.value = v;
  }
}

/** Sets every gradient to zero (what an optimizer's `zeroGrad` does). */
export function zeroGrad(params: readonly Parameter[]): void {
  for (const p of params) p.grad.data.fill(0);
}

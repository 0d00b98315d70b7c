// Small hand-written layers and losses for testing gradcheck itself, each with a switch that
// plants a known bug. They follow the structural Layer/Loss contract, not @nn/layers.
import { type DType, type Rng, Tensor, zeros } from "@nn/tensor";
import type { Layer, Loss, Mode, Parameter } from "../src/index.js";

function alloc(dtype: DType, n: number): Float32Array | Float64Array {
  return dtype === "float64" ? new Float64Array(n) : new Float32Array(n);
}

export type DenseBug = "none" | "transposed-weight-grad" | "double-weight-grad" | "double-bias-grad" | "double-input-grad";

/** y = x·W + b with W [in, out]. */
export class ToyDense implements Layer {
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  private x: Tensor | null = null;

  constructor(readonly inFeatures: number, readonly outFeatures: number, rng: Rng, readonly dtype: DType = "float64", readonly bug: DenseBug = "none", withBias = true) {
    const w = zeros([inFeatures, outFeatures], dtype);
    for (let i = 0; i < w.size; i++) w.data[i] = rng.normal() / Math.sqrt(inFeatures);
    this.weight = { name: "weight", value: w, grad: zeros(w.shape, dtype) };
    if (withBias) {
      const b = zeros([outFeatures], dtype);
      for (let i = 0; i < b.size; i++) b.data[i] = 0.1 * rng.normal();
      this.bias = { name: "bias", value: b, grad: zeros(b.shape, dtype) };
    } else {
      this.bias = null;
    }
  }

  parameters(): Parameter[] {
    return this.bias === null ? [this.weight] : [this.weight, this.bias];
  }

  forward(x: Tensor): Tensor {
    this.x = x;
    const [n] = x.shape, I = this.inFeatures, O = this.outFeatures;
    const W = this.weight.value.data, b = this.bias?.value.data;
    const y = alloc(this.dtype, n * O);
    for (let r = 0; r < n; r++) {
      for (let o = 0; o < O; o++) {
        let s = b ? b[o] : 0;
        for (let i = 0; i < I; i++) s += x.data[r * I + i] * W[i * O + o];
        y[r * O + o] = s;
      }
    }
    return new Tensor(y, [n, O]);
  }

  backward(dy: Tensor): Tensor {
    const x = this.x!;
    const [n] = x.shape, I = this.inFeatures, O = this.outFeatures;
    const W = this.weight.value.data, dW = this.weight.grad.data;
    const wScale = this.bug === "double-weight-grad" ? 2 : 1;
    for (let i = 0; i < I; i++) {
      for (let o = 0; o < O; o++) {
        let s = 0;
        for (let r = 0; r < n; r++) s += x.data[r * I + i] * dy.data[r * O + o];
        // The planted transpose bug lays dWᵀ ([out, in]) out in W's [in, out] memory.
        if (this.bug === "transposed-weight-grad") dW[o * I + i] += s;
        else dW[i * O + o] += wScale * s;
      }
    }
    if (this.bias) {
      const db = this.bias.grad.data, bScale = this.bug === "double-bias-grad" ? 2 : 1;
      for (let o = 0; o < O; o++) {
        let s = 0;
        for (let r = 0; r < n; r++) s += dy.data[r * O + o];
        db[o] += bScale * s;
      }
    }
    const dx = alloc(this.dtype, n * I);
    const xScale = this.bug === "double-input-grad" ? 2 : 1;
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < I; i++) {
        let s = 0;
        for (let o = 0; o < O; o++) s += dy.data[r * O + o] * W[i * O + o];
        dx[r * I + i] = xScale * s;
      }
    }
    return new Tensor(dx, x.shape);
  }

  cast(dtype: DType): ToyDense {
    const copy = Object.create(ToyDense.prototype) as ToyDense;
    const param = (p: Parameter): Parameter => ({ name: p.name, value: p.value.astype(dtype), grad: p.grad.astype(dtype) });
    Object.assign(copy, { inFeatures: this.inFeatures, outFeatures: this.outFeatures, dtype, bug: this.bug, x: null, weight: param(this.weight), bias: this.bias && param(this.bias) });
    return copy;
  }
}

/** Elementwise activation: y = f(x), dx = dy·f'(x, y). */
class ToyElementwise implements Layer {
  private x: Tensor | null = null;
  private y: Tensor | null = null;
  constructor(private readonly f: (x: number) => number, private readonly df: (x: number, y: number) => number) {}
  parameters(): Parameter[] {
    return [];
  }
  forward(x: Tensor): Tensor {
    const y = alloc(x.dtype, x.size);
    for (let i = 0; i < y.length; i++) y[i] = this.f(x.data[i]);
    this.x = x;
    this.y = new Tensor(y, x.shape);
    return this.y;
  }
  backward(dy: Tensor): Tensor {
    const x = this.x!, y = this.y!;
    const dx = alloc(dy.dtype, dy.size);
    for (let i = 0; i < dx.length; i++) dx[i] = dy.data[i] * this.df(x.data[i], y.data[i]);
    return new Tensor(dx, dy.shape);
  }
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** σ(x), whose derivative σ(1 − σ) must use the OUTPUT; the bug uses the input x in its place. */
export function toySigmoid(bug: "none" | "derivative-from-input" = "none"): Layer {
  return new ToyElementwise(sigmoid, bug === "none" ? (_x, y) => y * (1 - y) : (x) => x * (1 - x));
}

/** max(0, x) with derivative 0 at x = 0 (PyTorch's choice); `scale` plants a wrong slope. */
export function toyReLU(scale = 1): Layer {
  return new ToyElementwise((x) => (x > 0 ? x : 0), (x) => (x > 0 ? scale : 0));
}

/** tanh with a planted ×2 derivative when asked. */
export function toyTanh(scale = 1): Layer {
  return new ToyElementwise(Math.tanh, (_x, y) => scale * (1 - y * y));
}

/** Inverted dropout; `holdRandomness` is present only when `holdable` is true. */
export class ToyDropout implements Layer {
  private mask: Float64Array | null = null;
  private held = false;
  holdRandomness?: (hold: boolean) => void;

  constructor(private readonly p: number, private readonly rng: Rng, holdable: boolean) {
    if (holdable) this.holdRandomness = (hold) => { this.held = hold; };
  }
  parameters(): Parameter[] {
    return [];
  }
  forward(x: Tensor, mode: Mode = "train"): Tensor {
    if (mode === "eval") {
      this.mask = new Float64Array(x.size).fill(1);
      return x.clone();
    }
    if (!this.held || this.mask === null || this.mask.length !== x.size) {
      this.mask = new Float64Array(x.size);
      for (let i = 0; i < x.size; i++) this.mask[i] = this.rng.next() < this.p ? 0 : 1 / (1 - this.p);
    }
    const y = alloc(x.dtype, x.size);
    for (let i = 0; i < y.length; i++) y[i] = x.data[i] * this.mask[i];
    return new Tensor(y, x.shape);
  }
  backward(dy: Tensor): Tensor {
    const dx = alloc(dy.dtype, dy.size);
    for (let i = 0; i < dx.length; i++) dx[i] = dy.data[i] * this.mask![i];
    return new Tensor(dx, dy.shape);
  }
}

/** Runs layers in order (no name prefixing needed for these tests beyond an index). */
export class ToySequential implements Layer {
  constructor(private readonly layers: Layer[]) {}
  parameters(): Parameter[] {
    return this.layers.flatMap((l, i) => l.parameters().map((p) => ({ name: `layers.${i}.${p.name}`, get value() { return p.value; }, get grad() { return p.grad; } })));
  }
  forward(x: Tensor, mode?: Mode): Tensor {
    return this.layers.reduce((h, l) => l.forward(h, mode), x);
  }
  backward(dy: Tensor): Tensor {
    return this.layers.reduceRight((g, l) => l.backward(g), dy);
  }
  holdRandomness(hold: boolean): void {
    for (const l of this.layers) l.holdRandomness?.(hold);
  }
}

/** Mean squared error over every element. */
export class ToyMSE implements Loss {
  private diff: Float64Array = new Float64Array(0);
  private shape: readonly number[] = [];
  constructor(private readonly gradScale = 1) {}
  forward(pred: Tensor, target: Tensor): number {
    this.diff = new Float64Array(pred.size);
    this.shape = pred.shape;
    let s = 0;
    for (let i = 0; i < pred.size; i++) {
      this.diff[i] = pred.data[i] - target.data[i];
      s += this.diff[i] * this.diff[i];
    }
    return s / pred.size;
  }
  backward(): Tensor {
    const n = this.diff.length;
    return new Tensor(this.diff.map((d) => (this.gradScale * 2 * d) / n), this.shape);
  }
}

/** Mean absolute error, with sign(0) = 0 as PyTorch. */
export class ToyL1 implements Loss {
  private diff: Float64Array = new Float64Array(0);
  private shape: readonly number[] = [];
  forward(pred: Tensor, target: Tensor): number {
    this.diff = new Float64Array(pred.size);
    this.shape = pred.shape;
    let s = 0;
    for (let i = 0; i < pred.size; i++) {
      this.diff[i] = pred.data[i] - target.data[i];
      s += Math.abs(this.diff[i]);
    }
    return s / pred.size;
  }
  backward(): Tensor {
    const n = this.diff.length;
    return new Tensor(this.diff.map((d) => Math.sign(d) / n), this.shape);
  }
}

/** Mean Huber loss with threshold delta: ½d² inside, δ(|d| − ½δ) outside (C¹ at |d| = δ). */
export class ToyHuber implements Loss {
  private diff: Float64Array = new Float64Array(0);
  private shape: readonly number[] = [];
  constructor(private readonly delta: number) {}
  forward(pred: Tensor, target: Tensor): number {
    this.diff = new Float64Array(pred.size);
    this.shape = pred.shape;
    let s = 0;
    for (let i = 0; i < pred.size; i++) {
      const d = (this.diff[i] = pred.data[i] - target.data[i]);
      s += Math.abs(d) <= this.delta ? 0.5 * d * d : this.delta * (Math.abs(d) - 0.5 * this.delta);
    }
    return s / pred.size;
  }
  backward(): Tensor {
    const n = this.diff.length, delta = this.delta;
    return new Tensor(this.diff.map((d) => (Math.abs(d) <= delta ? d : delta * Math.sign(d)) / n), this.shape);
  }
}

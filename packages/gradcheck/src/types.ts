import type { DType, Tensor } from "@nn/tensor";

/** `train` uses batch statistics and random masks; `eval` is deterministic. */
export type Mode = "train" | "eval";

/** A trainable tensor and the gradient `backward` adds into. */
export interface Parameter {
  readonly name: string;
  value: Tensor;
  grad: Tensor;
}

/** Non-trainable state a layer keeps between calls (BatchNorm's running statistics). */
export interface NamedBuffer {
  readonly name: string;
  value: Tensor;
}

/**
 * What gradcheck needs from a layer. It is structural on purpose: any object with these methods
 * can be checked, including a layer you write yourself, and `@nn/layers` never has to import
 * `@nn/gradcheck` (its tests import us instead, so the dependency graph has no cycle).
 */
export interface Layer {
  forward(x: Tensor, mode?: Mode): Tensor;
  /** Returns dL/dx and ADDS into each parameter's `grad`. */
  backward(dy: Tensor): Tensor;
  parameters(): readonly Parameter[];
  readonly dtype?: DType;
  /** A deep copy in `dtype`; gradcheck uses it to check a float32 layer on a float64 copy. */
  cast?(dtype: DType): Layer;
  /** While held, train-mode `forward` reuses its last random mask. */
  holdRandomness?(hold: boolean): void;
  buffers?(): readonly NamedBuffer[];
  /** Used in error messages when present (`Dense(3→2)`). */
  describe?(): string;
}

/** What gradcheck needs from a loss: a scalar forward and dL/dpred from the last forward. */
export interface Loss {
  forward(pred: Tensor, target: Tensor): number;
  backward(): Tensor;
  describe?(): string;
}

export interface GradcheckOptions {
  /** Finite-difference step h, applied in float64. Default 1e-6 (see README, "Why h = 1e-6"). */
  step?: number;
  /** Absolute tolerance: a coordinate passes when |a − n| ≤ atol + rtol·max(|a|, |n|). Default 1e-8. */
  atol?: number;
  /** Relative tolerance. Default 1e-6. */
  rtol?: number;
  /** Seed for the random output weights r (checkLayer) and for coordinate sampling. Default 0. */
  seed?: number;
  /**
   * At most this many coordinates per tensor are checked; larger tensors get a seeded random
   * subset, and the report says how many were checked out of how many. Default 1000.
   */
  maxCoordinates?: number;
  /** Mode passed to `forward`. Default `train` (the mode `backward` follows in training). */
  mode?: Mode;
  /** Also check dL/dx (dL/dpred for a loss). Default true. */
  checkInput?: boolean;
}

/** A coordinate where a perturbation of ±h (or ±2h) crossed a point where the function is not smooth. */
export interface Kink {
  /** Multi-index into the tensor (`[row, column]`). */
  index: number[];
  analytic: number;
  numeric: number;
  /** One-sided slopes (L(θ+h) − L(θ))/h and (L(θ) − L(θ−h))/h: they disagree at a kink. */
  rightSlope: number;
  leftSlope: number;
}

export interface GradcheckEntry {
  /** `input` (checkLayer, checkModel), `pred` (checkLoss), or a parameter's name. */
  name: string;
  shape: readonly number[];
  passed: boolean;
  /** max |a − n| / max(|a|, |n|) over checked coordinates with |a − n| > atol, kinks excluded; 0 if none. */
  maxRelError: number;
  /** max |a − n| over checked coordinates, kinks excluded. */
  maxAbsError: number;
  /** Multi-index of the worst coordinate (null when no coordinate outside a kink was checked). */
  worstIndex: number[] | null;
  /** Analytic and numeric derivative at `worstIndex` (NaN when it is null). */
  analytic: number;
  numeric: number;
  /** Coordinates checked, out of `total` (fewer when sampled by `maxCoordinates`). */
  checked: number;
  total: number;
  /** Coordinates outside tolerance (kinks excluded). */
  failures: number;
  /** Non-smooth coordinates: listed, excluded from pass/fail. */
  kinks: Kink[];
}

export interface GradcheckReport {
  /** Every entry passed (kinks do not fail a check). */
  passed: boolean;
  /** The largest entry `maxRelError`. */
  maxRelError: number;
  entries: GradcheckEntry[];
  /** Always `float64`: differences are taken in double precision. */
  checkedDType: "float64";
  /** `float32` when the layer, model or input was float32 and a float64 copy was checked. */
  castFrom: "float32" | null;
  step: number;
  atol: number;
  rtol: number;
  mode: Mode;
  seed: number;
  /** Total kinks over all entries. */
  kinkCount: number;
  /** Plain-language remarks (casts, sampling, all-kink entries). */
  notes: string[];
}

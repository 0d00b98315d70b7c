import { type DType, type Rng, Tensor, allocate } from "@nn/tensor";

/** The weight initialisation schemes Dense accepts. */
export type InitScheme = "he-normal" | "he-uniform" | "xavier-normal" | "xavier-uniform" | "lecun-normal" | "zeros";

export const INIT_SCHEMES: readonly InitScheme[] = ["he-normal", "he-uniform", "xavier-normal", "xavier-uniform", "lecun-normal", "zeros"];

export function isInitScheme(value: unknown): value is InitScheme {
  return typeof value === "string" && (INIT_SCHEMES as readonly string[]).includes(value);
}

/**
 * Fan-in and fan-out of a Dense weight stored [in, out]: each output sums `in` inputs, each input
 * feeds `out` outputs. (PyTorch stores [out, in] and reads the fans the other way round; the
 * numbers are the same.)
 */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length !== 2) throw new RangeError(`initializers: expected a weight shape [in, out], got [${shape.join(",")}]`);
  return { fanIn: shape[0], fanOut: shape[1] };
}

/** Standard deviation (normal schemes) or bound (uniform schemes) of each scheme. docs/math_derivations.md §8 */
export function initScale(scheme: InitScheme, fanIn: number, fanOut: number): number {
  switch (scheme) {
    case "he-normal":
      return Math.sqrt(2 / fanIn); // He et al. 2015: Var(w) = 2 / fanIn keeps ReLU activations' second moment
    case "he-uniform":
      return Math.sqrt(6 / fanIn); // uniform(±b) has variance b²/3 = 2 / fanIn
    case "xavier-normal":
      return Math.sqrt(2 / (fanIn + fanOut)); // Glorot & Bengio 2010: compromise of forward and backward variance
    case "xavier-uniform":
      return Math.sqrt(6 / (fanIn + fanOut));
    case "lecun-normal":
      return Math.sqrt(1 / fanIn);
    case "zeros":
      return 0;
  }
}

/** A weight of `shape` [in, out] drawn by `scheme` from `rng`, in row-major order. */
export function initWeight(scheme: InitScheme, shape: readonly number[], rng: Rng, dtype: DType = "float32"): Tensor {
  if (!isInitScheme(scheme)) throw new RangeError(`initializers: init must be one of ${INIT_SCHEMES.join(", ")}, got ${JSON.stringify(scheme)}`);
  const { fanIn, fanOut } = fans(shape);
  const size = fanIn * fanOut;
  const data = allocate(dtype, size);
  const scale = initScale(scheme, fanIn, fanOut);
  if (scheme === "he-uniform" || scheme === "xavier-uniform") {
    for (let i = 0; i < size; i++) data[i] = scale * (2 * rng.next() - 1);
  } else if (scheme !== "zeros") {
    for (let i = 0; i < size; i++) data[i] = scale * rng.normal();
  }
  return new Tensor(data, shape);
}

/** The schemes as functions of (shape, rng, dtype), for callers that want one by name. */
export const initializers: Readonly<Record<InitScheme, (shape: readonly number[], rng: Rng, dtype?: DType) => Tensor>> = {
  "he-normal": (shape, rng, dtype) => initWeight("he-normal", shape, rng, dtype),
  "he-uniform": (shape, rng, dtype) => initWeight("he-uniform", shape, rng, dtype),
  "xavier-normal": (shape, rng, dtype) => initWeight("xavier-normal", shape, rng, dtype),
  "xavier-uniform": (shape, rng, dtype) => initWeight("xavier-uniform", shape, rng, dtype),
  "lecun-normal": (shape, rng, dtype) => initWeight("lecun-normal", shape, rng, dtype),
  zeros: (shape, rng, dtype) => initWeight("zeros", shape, rng, dtype),
};

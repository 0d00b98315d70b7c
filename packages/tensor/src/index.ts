export { Tensor, type NestedArray } from "./tensor.js";
export { type DType, type TypedArray, DEFAULT_DTYPE, promoteTypes } from "./dtype.js";
export { ShapeError, formatShape } from "./errors.js";
export { type Shape, broadcastShapes, sizeOf, stridesOf, sameShape, validateShape, normalizeAxis } from "./shape.js";
export { createRng, type Rng } from "./rng.js";
export { tensor, zeros, ones, full, randn, rand, arange, eye, type RandnOptions, type RandOptions } from "./create.js";
export { matmul, type MatmulOptions } from "./ops/matmul.js";
export { type Kernels } from "./kernels/kernels.js";
export { kernels, setKernels, jsKernels } from "./kernels/backend.js";

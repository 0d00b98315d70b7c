export { Tensor, type NestedArray } from "./tensor.js";
export { type DType, type TypedArray, DEFAULT_DTYPE, promoteTypes, allocate } from "./dtype.js";
export { ShapeError, formatShape } from "./errors.js";
export { type Shape, broadcastShapes, sizeOf, stridesOf, sameShape, validateShape, normalizeAxis } from "./shape.js";
export { createRng, type Rng } from "./rng.js";
export { tensor, zeros, ones, full, randn, rand, arange, eye, type RandnOptions, type RandOptions } from "./create.js";
export { add, sub, mul, div, type Operand } from "./ops/elementwise.js";
export { neg, exp, log, sqrt, abs, clip } from "./ops/unary.js";
export { sum, mean, max, min, logSumExp, argmax } from "./ops/reduce.js";
export { softmax, logSoftmax } from "./ops/softmax.js";
export { transpose } from "./ops/transpose.js";
export { sumToShape } from "./ops/sum-to-shape.js";
export { axisLayout, type AxisLayout } from "./ops/axis-layout.js";
export { matmul, type MatmulOptions } from "./ops/matmul.js";
export { type Kernels, type BinaryOp, type UnaryOp, type ReduceOp } from "./kernels/kernels.js";
export {
  kernels, setKernels, setBackend, jsKernels, wasmKernels, countBoundaryCrossings, stopCountingBoundaryCrossings, workingArray,
  relaxedSimdKernels, setThreads, threadCount,
} from "./kernels/backend.js";
export type { ThreadOptions } from "./kernels/threads/set-threads.js";
export { type WorkerHost, type PoolWorker, browserWorkers } from "./kernels/threads/worker-host.js";
export { type GemmWorkerInit, type GemmWorkerMessage, gemmWorkerSource } from "./kernels/threads/gemm-worker-source.js";
export type { BoundaryCrossings } from "./kernels/wasm/wasm-runtime.js";
export { editDistance, closestName, didYouMean } from "./edit-distance.js";
export { checkOptions, optionKeys, UnknownOptionError } from "./check-options.js";
export { erf, erfc, normalCdf, expMinusHalfSquare } from "./scalar/erf.js";
export { sigmoid } from "./scalar/sigmoid.js";
export { geluTanh, geluTanhSlope, geluSlope } from "./scalar/gelu.js";
export { softplus, softplusSlope } from "./scalar/softplus.js";
export * as elementary from "./math/index.js";
export { refusePromise } from "./refuse-promise.js";
export { isDecimal, parseDecimal } from "./decimal.js";
export { encodeBase64, decodeBase64, base64ByteLength, Base64Error } from "./encoding/base64.js";
export { bytesPerElement, writeTensorBytes, readTensorBytes } from "./encoding/tensor-bytes.js";
export { encodeTensor, decodeTensor, type EncodedTensor } from "./encoding/encoded-tensor.js";
export {
  encodeTensorValues, decodeTensorValuesInto, encodeJsonNumber, decodeJsonNumber, type EncodedTensorValues, type JsonNumber,
} from "./encoding/tensor-values.js";

import { type DType, allocate, isDType } from "../dtype.js";
import { formatShape } from "../errors.js";
import { sizeOf } from "../shape.js";
import { Tensor } from "../tensor.js";
import { Base64Error, base64ByteLength, decodeBase64, encodeBase64 } from "./base64.js";
import { bytesPerElement, readTensorBytes, writeTensorBytes } from "./tensor-bytes.js";

/**
 * A tensor as plain JSON data: dtype, shape and the raw IEEE-754 bytes, little-endian, in base64.
 * Raw bytes round-trip every value bit for bit (−0 and subnormals included), which decimal JSON
 * numbers do not (`JSON.stringify(-0)` is "0", NaN becomes null). The weights of a model file.
 */
export interface EncodedTensor {
  dtype: DType;
  shape: number[];
  data: string;
}

export function encodeTensor(t: Tensor): EncodedTensor {
  const bytes = new Uint8Array(t.size * bytesPerElement(t.dtype));
  writeTensorBytes(t.data, new DataView(bytes.buffer), 0);
  return { dtype: t.dtype, shape: t.shape.slice(), data: encodeBase64(bytes) };
}

/**
 * The tensor `encoded` holds, after checking its dtype, shape and byte count; errors start with
 * `where` and name the field at fault.
 */
export function decodeTensor(encoded: EncodedTensor, where = "decodeTensor"): Tensor {
  const given: unknown = encoded;
  if (typeof given !== "object" || given === null) throw new TypeError(`${where}: expected { dtype, shape, data }, got ${given === null ? "null" : typeof given}`);
  const { dtype, shape, data } = encoded;
  if (!isDType(dtype)) throw new TypeError(`${where}: dtype must be "float32" or "float64", got ${JSON.stringify(dtype)}`);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new TypeError(`${where}: shape must be an array of integers ≥ 0, got ${JSON.stringify(shape)}`);
  }
  if (typeof data !== "string") throw new TypeError(`${where}: data must be a base64 string, got ${typeof data}`);
  try {
    const needed = sizeOf(shape) * bytesPerElement(dtype);
    const length = base64ByteLength(data);
    if (length !== needed) throw new RangeError(`${where}: data holds ${length} bytes but shape ${formatShape(shape)} ${dtype} needs ${needed}`);
    const bytes = decodeBase64(data);
    const out = allocate(dtype, sizeOf(shape));
    readTensorBytes(new DataView(bytes.buffer), 0, out);
    return new Tensor(out, shape);
  } catch (error) {
    if (error instanceof Base64Error) throw new RangeError(`${where}: data ${error.problem}`, { cause: error });
    throw error;
  }
}

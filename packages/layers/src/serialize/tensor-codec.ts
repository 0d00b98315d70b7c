import { type DType, type Tensor, formatShape } from "@nn/tensor";
import { ModelFileError } from "../errors.js";
import { base64ByteLength, decodeBase64, encodeBase64 } from "./base64.js";
import { readArray, readDType, readObject, readString } from "./fields.js";
import { bytesPerElement, readTensorBytes, writeTensorBytes } from "./tensor-bytes.js";

/**
 * A tensor in a model file: dtype, shape and the raw IEEE-754 bytes, little-endian, in base64.
 * Raw bytes round-trip every value bit for bit (−0, NaN payloads and subnormals included), which
 * decimal JSON numbers do not (JSON.stringify(−0) is "0").
 */
export interface EncodedTensor {
  dtype: DType;
  shape: number[];
  data: string;
}

export function encodeTensor(t: Tensor): EncodedTensor {
  const width = bytesPerElement(t.dtype);
  const bytes = new Uint8Array(t.size * width);
  writeTensorBytes(t, new DataView(bytes.buffer), 0);
  return { dtype: t.dtype, shape: t.shape.slice(), data: encodeBase64(bytes) };
}

/**
 * Checks an encoded tensor's dtype, shape and byte count against what the layer declares, reading
 * only the lengths of its strings (nothing is decoded or allocated), and returns its base64 data.
 */
export function checkEncodedTensor(value: unknown, path: string, dtype: DType, shape: readonly number[]): string {
  const obj = readObject(value, path);
  const given = readDType(obj.dtype, `${path}.dtype`);
  if (given !== dtype) throw new ModelFileError(`${path}.dtype`, `is ${JSON.stringify(given)} but the layer is ${dtype}`);
  const claimed = readArray(obj.shape, `${path}.shape`);
  const same = claimed.length === shape.length && claimed.every((d, i) => d === shape[i]);
  if (!same) {
    const shown = claimed.every((d): d is number => typeof d === "number") ? formatShape(claimed) : JSON.stringify(claimed);
    throw new ModelFileError(`${path}.shape`, `is ${shown} but the layer needs ${formatShape(shape)} (wrong weight count for this architecture)`);
  }
  const data = readString(obj.data, `${path}.data`);
  const length = base64ByteLength(data);
  if (typeof length === "string") throw new ModelFileError(`${path}.data`, length);
  const needed = shape.reduce((a, b) => a * b, 1) * bytesPerElement(dtype);
  if (length !== needed) {
    throw new ModelFileError(`${path}.data`, `holds ${length} bytes but shape ${formatShape(shape)} ${dtype} needs ${needed} (truncated weights?)`);
  }
  return data;
}

/** Decodes `value` into `target`'s data after checking dtype, shape and byte count against it. */
export function decodeTensorInto(value: unknown, path: string, target: Tensor): void {
  const bytes = decodeBase64(checkEncodedTensor(value, path, target.dtype, target.shape));
  if (typeof bytes === "string") throw new ModelFileError(`${path}.data`, bytes);
  readTensorBytes(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, target);
}

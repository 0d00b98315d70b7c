import { type DType, type Tensor, formatShape } from "@nn/tensor";
import { ModelFileError } from "../errors.js";
import { decodeBase64, encodeBase64 } from "./base64.js";
import { readArray, readDType, readObject, readString } from "./fields.js";

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

function bytesPerElement(dtype: DType): number {
  return dtype === "float64" ? 8 : 4;
}

export function encodeTensor(t: Tensor): EncodedTensor {
  const width = bytesPerElement(t.dtype);
  const bytes = new Uint8Array(t.size * width);
  const view = new DataView(bytes.buffer);
  const d = t.data;
  if (t.dtype === "float64") for (let i = 0; i < d.length; i++) view.setFloat64(i * 8, d[i], true);
  else for (let i = 0; i < d.length; i++) view.setFloat32(i * 4, d[i], true);
  return { dtype: t.dtype, shape: t.shape.slice(), data: encodeBase64(bytes) };
}

/** Decodes `value` into `target`'s data after checking dtype, shape and byte count against it. */
export function decodeTensorInto(value: unknown, path: string, target: Tensor): void {
  const obj = readObject(value, path);
  const dtype = readDType(obj.dtype, `${path}.dtype`);
  if (dtype !== target.dtype) throw new ModelFileError(`${path}.dtype`, `is ${JSON.stringify(dtype)} but the layer is ${target.dtype}`);
  const shape = readArray(obj.shape, `${path}.shape`);
  const same = shape.length === target.rank && shape.every((d, i) => d === target.shape[i]);
  if (!same) {
    const shown = shape.every((d): d is number => typeof d === "number") ? formatShape(shape) : JSON.stringify(shape);
    throw new ModelFileError(`${path}.shape`, `is ${shown} but the layer needs ${formatShape(target.shape)} (wrong weight count for this architecture)`);
  }
  const bytes = decodeBase64(readString(obj.data, `${path}.data`));
  if (typeof bytes === "string") throw new ModelFileError(`${path}.data`, bytes);
  const width = bytesPerElement(dtype);
  if (bytes.length !== target.size * width) {
    throw new ModelFileError(`${path}.data`, `holds ${bytes.length} bytes but shape ${formatShape(target.shape)} ${dtype} needs ${target.size * width} (truncated weights?)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const d = target.data;
  if (dtype === "float64") for (let i = 0; i < d.length; i++) d[i] = view.getFloat64(i * 8, true);
  else for (let i = 0; i < d.length; i++) d[i] = view.getFloat32(i * 4, true);
}

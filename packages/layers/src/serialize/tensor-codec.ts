import { type DType, type Tensor, Base64Error, base64ByteLength, bytesPerElement, decodeBase64, formatShape, readTensorBytes } from "@nn/tensor";
import { ModelFileError } from "../errors.js";
import { readArray, readDType, readObject, readString } from "./fields.js";

// A model file's weights are @nn/tensor's EncodedTensor (encodeTensor writes them); this module
// checks them against the layers they belong to, with errors that name the field at fault.

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
  const length = base64Field(() => base64ByteLength(data), path);
  const needed = shape.reduce((a, b) => a * b, 1) * bytesPerElement(dtype);
  if (length !== needed) {
    throw new ModelFileError(`${path}.data`, `holds ${length} bytes but shape ${formatShape(shape)} ${dtype} needs ${needed} (truncated weights?)`);
  }
  return data;
}

/** Decodes `value` into `target`'s data after checking dtype, shape and byte count against it. */
export function decodeTensorInto(value: unknown, path: string, target: Tensor): void {
  const data = checkEncodedTensor(value, path, target.dtype, target.shape);
  const bytes = base64Field(() => decodeBase64(data), path);
  readTensorBytes(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, target.data);
}

/** Runs a base64 step on `${path}.data`, turning a Base64Error into a ModelFileError naming that field. */
function base64Field<T>(step: () => T, path: string): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof Base64Error) throw new ModelFileError(`${path}.data`, error.problem);
    throw error;
  }
}

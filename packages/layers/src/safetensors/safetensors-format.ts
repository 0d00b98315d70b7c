import { SafetensorsError } from "./safetensors-error.js";

/** The element types nn reads and writes: its two float dtypes, and PyTorch's int64 counters. */
export type SafetensorsDType = "F32" | "F64" | "I64";

const ELEMENT_BYTES: Readonly<Record<SafetensorsDType, number>> = { F32: 4, F64: 8, I64: 8 };

/** One tensor of a safetensors file: where its little-endian bytes are, and what they hold. */
export interface SafetensorsTensor {
  readonly dtype: SafetensorsDType;
  readonly shape: readonly number[];
  /** The tensor's bytes (a view into the file; nothing is copied). */
  readonly bytes: Uint8Array;
}

/** A tensor to write: its bytes are produced straight into the file by `write`. */
export interface SafetensorsEntry {
  readonly name: string;
  readonly dtype: SafetensorsDType;
  readonly shape: readonly number[];
  write(view: DataView, offset: number): void;
}

export interface SafetensorsContents {
  readonly tensors: ReadonlyMap<string, SafetensorsTensor>;
  /** The header's `__metadata__`: string keys to string values. */
  readonly metadata: Readonly<Record<string, string>>;
}

/** The reference implementation refuses headers above 100 MB; so do we, before decoding one. */
export const MAX_HEADER_BYTES = 100_000_000;

export function elementBytes(dtype: SafetensorsDType): number {
  return ELEMENT_BYTES[dtype];
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * The file: an 8-byte little-endian header length, the JSON header (padded with spaces to a
 * multiple of 8, as the reference writer does, so every tensor starts 8-byte aligned when the
 * tensors before it are), then each tensor's bytes in the order given, without gaps.
 */
export function encodeSafetensors(entries: readonly SafetensorsEntry[], metadata: Readonly<Record<string, string>>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const e of entries) {
    const length = elementCount(e.shape) * elementBytes(e.dtype);
    header[e.name] = { dtype: e.dtype, shape: e.shape.slice(), data_offsets: [offset, offset + length] };
    offset += length;
  }
  let headerText = JSON.stringify(header);
  const encoder = new TextEncoder();
  let headerBytes = encoder.encode(headerText);
  const padding = (8 - (headerBytes.length % 8)) % 8;
  if (padding > 0) {
    headerText += " ".repeat(padding);
    headerBytes = encoder.encode(headerText);
  }
  const file = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(file.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  file.set(headerBytes, 8);
  const start = 8 + headerBytes.length;
  let at = start;
  for (const e of entries) {
    e.write(view, at);
    at += elementCount(e.shape) * elementBytes(e.dtype);
  }
  return file;
}

/**
 * Reads and checks a safetensors file without copying tensor data: the header length against the
 * file, the header as UTF-8 JSON, every entry's dtype, shape and byte range (inside the data, the
 * length its shape and dtype need, no two ranges overlapping, no byte left unclaimed). Everything
 * is checked against the file's own length before any tensor is allocated by a caller.
 */
export function decodeSafetensors(bytes: Uint8Array): SafetensorsContents {
  if (!(bytes instanceof Uint8Array)) throw new SafetensorsError("", "expected the file's bytes as a Uint8Array");
  if (bytes.length < 8) throw new SafetensorsError("", `the file has ${bytes.length} bytes, fewer than the 8 of the header length (truncated, or not a safetensors file)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getBigUint64(0, true);
  if (declared > BigInt(bytes.length - 8)) {
    throw new SafetensorsError("", `the header length is ${declared} bytes but only ${bytes.length - 8} follow it (truncated, or not a safetensors file)`);
  }
  const headerLength = Number(declared);
  if (headerLength > MAX_HEADER_BYTES) throw new SafetensorsError("", `the header is ${headerLength} bytes, more than the ${MAX_HEADER_BYTES} allowed`);
  if (headerLength < 2 || bytes[8] !== 0x7b) throw new SafetensorsError("", "the header does not start with '{' (not a safetensors file)");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch (error) {
    throw new SafetensorsError("", `the header is not valid UTF-8 JSON (${(error as Error).message})`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) throw new SafetensorsError("", "the header is not a JSON object");
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const metadata = readMetadata((header as Record<string, unknown>).__metadata__);
  const tensors = new Map<string, SafetensorsTensor>();
  const ranges: { name: string; begin: number; end: number }[] = [];
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") continue;
    const { dtype, shape, begin, end } = readEntry(name, value, dataLength);
    ranges.push({ name, begin, end });
    tensors.set(name, { dtype, shape, bytes: bytes.subarray(dataStart + begin, dataStart + end) });
  }
  ranges.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const r of ranges) {
    if (r.begin < covered) {
      const other = ranges.find((o) => o !== r && o.begin < r.end && r.begin < o.end);
      throw new SafetensorsError(r.name, `has data_offsets [${r.begin}, ${r.end}] overlapping ${other ? JSON.stringify(other.name) : "another tensor"}'s`);
    }
    if (r.begin > covered) throw new SafetensorsError(r.name, `starts at byte ${r.begin} of the data, leaving bytes ${covered}–${r.begin} unclaimed (a corrupt file?)`);
    covered = r.end;
  }
  if (covered !== dataLength) throw new SafetensorsError("", `the tensors cover ${covered} bytes of data but the file holds ${dataLength} (trailing bytes: a corrupt file?)`);
  return { tensors, metadata };
}

function readMetadata(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SafetensorsError("", "__metadata__ must be an object of strings");
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string") throw new SafetensorsError("", `__metadata__[${JSON.stringify(key)}] must be a string, got ${typeof v}`);
  }
  return value as Record<string, string>;
}

function readEntry(name: string, value: unknown, dataLength: number): { dtype: SafetensorsDType; shape: number[]; begin: number; end: number } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SafetensorsError(name, "must be an object with dtype, shape and data_offsets");
  const entry = value as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (key !== "dtype" && key !== "shape" && key !== "data_offsets") throw new SafetensorsError(name, `has an unknown field ${JSON.stringify(key)}`);
  }
  const dtype = entry.dtype;
  if (typeof dtype !== "string" || !Object.hasOwn(ELEMENT_BYTES, dtype)) {
    throw new SafetensorsError(name, `has dtype ${JSON.stringify(dtype)}; nn reads F32, F64 and I64 (convert the tensor in PyTorch first)`);
  }
  const width = ELEMENT_BYTES[dtype as SafetensorsDType];
  const shape = entry.shape;
  if (!Array.isArray(shape)) throw new SafetensorsError(name, "has no shape array");
  // The element count is bounded by the data as the product grows, so no size overflows a double.
  let count = 1;
  for (const d of shape) {
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) throw new SafetensorsError(name, `has shape ${JSON.stringify(shape)}: dimensions must be integers ≥ 0`);
    count *= d;
    if (count * width > dataLength) throw new SafetensorsError(name, `has shape ${JSON.stringify(shape)}, more than the file's ${dataLength} bytes of data can hold`);
  }
  const offsets = entry.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => typeof o === "number" && Number.isSafeInteger(o) && o >= 0)) {
    throw new SafetensorsError(name, `has data_offsets ${JSON.stringify(offsets)}; expected [begin, end], integers ≥ 0`);
  }
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataLength) throw new SafetensorsError(name, `has data_offsets [${begin}, ${end}] outside the file's ${dataLength} bytes of data`);
  if (end - begin !== count * width) {
    throw new SafetensorsError(name, `has ${end - begin} bytes but shape ${JSON.stringify(shape)} ${dtype} needs ${count * width}`);
  }
  return { dtype: dtype as SafetensorsDType, shape: shape as number[], begin, end };
}

import { readFileSync, writeFileSync } from "node:fs";

/**
 * Arrays cross between the bench's processes as raw little-endian float32 files (the byte order
 * of every machine we run on, and what NumPy reads with dtype "<f4"): exactly the same bytes on
 * both sides, nothing parsed.
 */
export function writeFloat32File(path: string, data: Float32Array): void {
  writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

export function readFloat32File(path: string): Float32Array {
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

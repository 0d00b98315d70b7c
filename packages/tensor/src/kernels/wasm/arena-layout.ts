/**
 * Byte arithmetic for the wasm arena, in doubles rather than 32-bit integer operators: `x & ~15`
 * and `x >> 2` wrap for x ≥ 2³¹, which turned an operand over 2 GiB into a negative offset
 * ("offset is out of bounds") instead of a fall-back to the JavaScript kernels.
 */

/**
 * The largest arena the kernels are given. Pointers cross into wasm as i32 and the .wat code
 * adds and compares them as such, so every byte offset must stay a non-negative int32.
 */
export const MAX_ARENA_BYTES = 2 ** 31 - 1;

/** Bytes rounded up to 16 so every operand starts on a SIMD-vector boundary (exact up to 2⁵³). */
export function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/** Whether an arena of `bytes` can be addressed by the kernels at all. */
export function fitsArena(bytes: number): boolean {
  return Number.isFinite(bytes) && bytes >= 0 && bytes <= MAX_ARENA_BYTES;
}

/** Float index of a byte offset (offsets here are multiples of 16, so the division is exact). */
export function floatIndex(byteOffset: number): number {
  return byteOffset / 4;
}

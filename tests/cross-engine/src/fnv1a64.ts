/**
 * FNV-1a 64 over bytes, computed on two unsigned 32-bit halves so it runs the same in every engine
 * without BigInt's cost. prime = 2^40 + 0x1b3, so h·prime mod 2^64 = h·0x1b3 + (lo << 40).
 */
export function fnv1a64(bytes: Uint8Array): string {
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const low = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(low / 0x100000000);
    hi = (carry + Math.imul(hi, 0x1b3) + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** The raw bytes of numbers as float64 (so a scalar result keeps all its bits). */
export function float64Bytes(values: readonly number[]): Uint8Array {
  return new Uint8Array(Float64Array.from(values).buffer);
}

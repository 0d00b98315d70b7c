import type { Parameter } from "@nn/layers";

/**
 * A short fingerprint of a model's weights: FNV-1a 64 over the bytes of every parameter, in
 * order, as 16 hex digits. Two runs with the same fingerprint hold the same bits; a link that
 * reproduces a run shows the same fingerprint in Node, in the terminal and in every browser.
 */
export function weightsFingerprint(params: readonly Pick<Parameter, "value">[]): string {
  // Two unsigned 32-bit halves, so it runs the same in every engine without BigInt.
  // prime = 2^40 + 0x1b3, so h·prime mod 2^64 = h·0x1b3 + (lo << 40).
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (const p of params) {
    const data = p.value.data;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      lo = (lo ^ bytes[i]) >>> 0;
      const low = lo * 0x1b3; // < 2^41: exact in a double
      hi = (Math.floor(low / 0x100000000) + Math.imul(hi, 0x1b3) + (lo << 8)) >>> 0;
      lo = low >>> 0;
    }
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 (RFC 4648, with padding) to bytes, without relying on atob or Buffer. */
export function decodeBase64(text: string): Uint8Array {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let group = 0;
    for (let k = 0; k < 4; k++) {
      const c = text.charCodeAt(i + k);
      const v = c === 61 ? 0 : VALUE[c]; // '=' pads with zero bits
      if (v === undefined || v < 0) throw new Error(`decodeBase64: invalid character at ${i + k}`);
      group = (group << 6) | v;
    }
    if (o < out.length) out[o++] = group >>> 16;
    if (o < out.length) out[o++] = (group >>> 8) & 255;
    if (o < out.length) out[o++] = group & 255;
  }
  return out;
}

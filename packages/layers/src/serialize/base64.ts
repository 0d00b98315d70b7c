// Base64 (RFC 4648) by hand: `btoa` needs a binary string and Node's Buffer is not in browsers.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i], b1 = i + 1 < bytes.length ? bytes[i + 1] : 0, b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    chunk += ALPHABET[triple >> 18] + ALPHABET[(triple >> 12) & 63];
    chunk += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : "=";
    chunk += i + 2 < bytes.length ? ALPHABET[triple & 63] : "=";
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

/**
 * How many bytes `text` decodes to, read from its length and padding alone (so a claimed size can
 * be checked before anything is allocated), or a description of what is wrong with it.
 */
export function base64ByteLength(text: string): number | string {
  if (text.length % 4 !== 0) return `has length ${text.length}, not a multiple of 4 (truncated base64?)`;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** The bytes of `text`, or a description of what is wrong with it. */
export function decodeBase64(text: string): Uint8Array | string {
  const length = base64ByteLength(text);
  if (typeof length === "string") return length;
  const padding = (text.length / 4) * 3 - length;
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const pos = i + j;
      const code = text.charCodeAt(pos);
      const isPad = code === 61 && pos >= text.length - padding;
      const v = isPad ? 0 : code < 128 ? DECODE[code] : -1;
      if (v < 0) return `has an invalid base64 character at position ${pos}`;
      triple = (triple << 6) | v;
    }
    if (o < out.length) out[o++] = (triple >> 16) & 255;
    if (o < out.length) out[o++] = (triple >> 8) & 255;
    if (o < out.length) out[o++] = triple & 255;
  }
  return out;
}

// Base64 (RFC 4648, standard alphabet, with padding) by hand: `btoa` needs a binary string, and
// Node's Buffer is not in browsers. The one base64 of nn: model files, shipped data sets and the
// WebAssembly kernels' bytes all go through it.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Text that is not base64; `problem` says what is wrong ("has length 3, not a multiple of 4 …"). */
export class Base64Error extends Error {
  override name = "Base64Error";
  readonly problem: string;

  constructor(problem: string) {
    super(`base64 text ${problem}`);
    this.problem = problem;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i], b1 = i + 1 < bytes.length ? bytes[i + 1] : 0, b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    chunk += ALPHABET[triple >> 18] + ALPHABET[(triple >> 12) & 63];
    chunk += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : "=";
    chunk += i + 2 < bytes.length ? ALPHABET[triple & 63] : "=";
    // Joining chunks keeps long strings from being built one character at a time.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

/**
 * How many bytes `text` decodes to, read from its length and padding alone, so that a claimed size
 * can be checked before anything is allocated. Throws a `Base64Error` for a length that is not a
 * multiple of 4.
 */
export function base64ByteLength(text: string): number {
  if (text.length % 4 !== 0) throw new Base64Error(`has length ${text.length}, not a multiple of 4 (truncated base64?)`);
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** The bytes of `text`; a `Base64Error` names the first character that is not base64, by position. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const length = base64ByteLength(text);
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
      if (v < 0) throw new Base64Error(`has an invalid base64 character at position ${pos}`);
      triple = (triple << 6) | v;
    }
    if (o < out.length) out[o++] = (triple >> 16) & 255;
    if (o < out.length) out[o++] = (triple >> 8) & 255;
    if (o < out.length) out[o++] = triple & 255;
  }
  return out;
}

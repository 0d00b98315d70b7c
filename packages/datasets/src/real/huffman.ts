import type { BitReader } from "./bit-reader.js";

/**
 * A canonical Huffman decoder built from code lengths alone: codes are assigned in order of
 * (length, symbol), each one more than the previous, doubled at every step to a longer length
 * (the DEFLATE convention, RFC 1951 §3.2.2). Decoding peeks at the longest code's worth of bits
 * and looks the symbol and its length up in one table.
 */
export class HuffmanDecoder {
  private readonly maxLength: number;
  /** For every maxLength-bit prefix: symbol · 32 + code length. */
  private readonly table: Uint16Array;

  constructor(lengths: readonly number[]) {
    this.maxLength = Math.max(1, ...lengths);
    if (this.maxLength > 16) throw new RangeError(`HuffmanDecoder: codes longer than 16 bits are not supported, got ${this.maxLength}`);
    this.table = new Uint16Array(1 << this.maxLength);
    const order = lengths.map((l, s) => [l, s]).filter(([l]) => l > 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let code = 0, prev = 0;
    for (const [length, symbol] of order) {
      code <<= length - prev;
      prev = length;
      // Every maxLength-bit string that starts with this code decodes to this symbol.
      const span = 1 << (this.maxLength - length);
      this.table.fill(symbol * 32 + length, code * span, (code + 1) * span);
      code++;
    }
  }

  decode(reader: BitReader): number {
    const entry = this.table[reader.peek(this.maxLength)];
    const length = entry & 31;
    if (length === 0) throw new Error("HuffmanDecoder: invalid code in the bit stream");
    reader.skip(length);
    return entry >>> 5;
  }
}

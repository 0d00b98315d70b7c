/** Reads a byte array as a stream of bits, most significant bit of each byte first. */
export class BitReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** An unsigned integer of `bits` bits (up to 52), most significant first. */
  read(bits: number): number {
    let v = 0;
    for (let b = 0; b < bits; b++) {
      const p = this.position++;
      v = v * 2 + ((this.bytes[p >>> 3] >>> (7 - (p & 7))) & 1);
    }
    return v;
  }

  /** The next `bits` bits (at most 16) without consuming them; past the end reads as zeros. */
  peek(bits: number): number {
    const p = this.position, i = p >>> 3, b = this.bytes;
    const window = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    return (window >>> (24 - (p & 7) - bits)) & ((1 << bits) - 1);
  }

  skip(bits: number): void {
    this.position += bits;
  }
}

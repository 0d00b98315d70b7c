import { align16 } from "./arena-layout.js";

/**
 * Byte ranges of the kernels' memory that hold tensors between calls (a layer's activations and
 * gradients), below the scratch arena. First fit from a list of freed ranges, else at the top;
 * freed neighbours merge, and a range freed at the top lowers it, so a layer that alternates
 * between two batch sizes keeps using the same bytes.
 */
export class ResidentHeap {
  /** End of the highest range in use: the arena starts here. */
  top = 0;
  /** Bytes in use (the limit applies to this). */
  used = 0;
  /** Freed ranges below `top`, sorted by offset, never adjacent. */
  private readonly free: Array<{ at: number; bytes: number }> = [];

  constructor(readonly limitBytes: number) {}

  /** Offset of `bytes` (rounded up to 16) newly reserved, or -1 past the limit. */
  allocate(size: number): number {
    const bytes = align16(size);
    if (this.used + bytes > this.limitBytes) return -1;
    this.used += bytes;
    for (let i = 0; i < this.free.length; i++) {
      const range = this.free[i];
      if (range.bytes < bytes) continue;
      const at = range.at;
      range.at += bytes;
      range.bytes -= bytes;
      if (range.bytes === 0) this.free.splice(i, 1);
      return at;
    }
    const at = this.top;
    this.top += bytes;
    return at;
  }

  /** Returns a range from `allocate(size)` (same size). */
  release(at: number, size: number): void {
    const bytes = align16(size);
    this.used -= bytes;
    let i = 0;
    while (i < this.free.length && this.free[i].at < at) i++;
    this.free.splice(i, 0, { at, bytes });
    // merge with the next range, then with the previous one
    const next = this.free[i + 1];
    if (next !== undefined && at + bytes === next.at) {
      this.free[i].bytes += next.bytes;
      this.free.splice(i + 1, 1);
    }
    const prev = this.free[i - 1];
    if (prev !== undefined && prev.at + prev.bytes === at) {
      prev.bytes += this.free[i].bytes;
      this.free.splice(i, 1);
    }
    const last = this.free[this.free.length - 1];
    if (last !== undefined && last.at + last.bytes === this.top) {
      this.top = last.at;
      this.free.pop();
    }
  }
}

/**
 * A per-epoch curve of bounded size that keeps its shape: every stored point is the mean of a run
 * of consecutive epochs (its bucket). While there is room a bucket is one epoch; when the store is
 * full, neighbouring buckets merge pairwise and the bucket width doubles. A run of a billion epochs
 * therefore costs the same memory as one of a thousand, and the curve drawn from it is the true
 * curve averaged over windows of `stride` epochs (a spike stays visible, scaled by 1/stride).
 */
export class DownsampledHistory {
  readonly columns: readonly string[];
  readonly capacity: number;
  /** x of each stored point: the last epoch of its bucket. */
  private readonly epochs: Float64Array;
  /** values[c * capacity + i]: column c of stored point i. */
  private readonly values: Float64Array;
  private readonly partialSums: Float64Array;
  private count = 0;
  private partialCount = 0;
  private partialEpoch = 0;
  private bucket = 1;
  private readonly latestValues: Float64Array;
  private latestEpoch = 0;

  /** `capacity` is even and ≥ 4: merging halves a full store. */
  constructor(columns: readonly string[], capacity = 512) {
    if (!Number.isInteger(capacity) || capacity < 4 || capacity % 2 !== 0) {
      throw new RangeError(`DownsampledHistory: capacity must be an even integer >= 4, got ${String(capacity)}`);
    }
    if (columns.length === 0) throw new RangeError("DownsampledHistory: needs at least one column");
    this.columns = [...columns];
    this.capacity = capacity;
    this.epochs = new Float64Array(capacity);
    this.values = new Float64Array(capacity * columns.length);
    this.partialSums = new Float64Array(columns.length);
    this.latestValues = new Float64Array(columns.length).fill(Number.NaN);
  }

  /** Epochs per stored point (a power of two). */
  get stride(): number {
    return this.bucket;
  }

  /** Points a snapshot holds: the full buckets and the one being filled. */
  get length(): number {
    return this.count + (this.partialCount > 0 ? 1 : 0);
  }

  /** The last epoch pushed (0 before any). */
  get lastEpoch(): number {
    return this.latestEpoch;
  }

  /** The value of column `c` at the last epoch pushed, unaveraged (NaN before any). */
  latest(c: number): number {
    return this.latestValues[c];
  }

  /** Adds one epoch; `values` has one number per column (NaN where there is none). Allocates nothing. */
  push(epoch: number, values: ArrayLike<number>): void {
    const k = this.columns.length;
    for (let c = 0; c < k; c++) {
      this.partialSums[c] += values[c];
      this.latestValues[c] = values[c];
    }
    this.partialCount++;
    this.partialEpoch = epoch;
    this.latestEpoch = epoch;
    if (this.partialCount < this.bucket) return;
    const i = this.count++;
    this.epochs[i] = epoch;
    for (let c = 0; c < k; c++) {
      this.values[c * this.capacity + i] = this.partialSums[c] / this.partialCount;
      this.partialSums[c] = 0;
    }
    this.partialCount = 0;
    // Merged as soon as the store fills, so every stored point spans exactly `bucket` epochs.
    if (this.count === this.capacity) this.mergePairs();
  }

  private mergePairs(): void {
    const k = this.columns.length;
    const cap = this.capacity;
    for (let j = 0; j < cap / 2; j++) {
      this.epochs[j] = this.epochs[2 * j + 1];
      for (let c = 0; c < k; c++) {
        const base = c * cap;
        this.values[base + j] = 0.5 * (this.values[base + 2 * j] + this.values[base + 2 * j + 1]);
      }
    }
    this.count = cap / 2;
    this.bucket *= 2;
  }

  /** Forgets everything (a new run). */
  clear(): void {
    this.count = 0;
    this.partialCount = 0;
    this.partialSums.fill(0);
    this.latestValues.fill(Number.NaN);
    this.latestEpoch = 0;
    this.bucket = 1;
  }

  /** A copy of the curve (the caller's to keep or send): epochs and one array per column. */
  snapshot(): HistorySnapshot {
    const n = this.length;
    const epochs = new Float64Array(n);
    epochs.set(this.epochs.subarray(0, this.count));
    const columns: Float64Array[] = [];
    for (let c = 0; c < this.columns.length; c++) {
      const out = new Float64Array(n);
      out.set(this.values.subarray(c * this.capacity, c * this.capacity + this.count));
      if (this.partialCount > 0) out[this.count] = this.partialSums[c] / this.partialCount;
      columns.push(out);
    }
    if (this.partialCount > 0) epochs[this.count] = this.partialEpoch;
    return { epochs, columns, stride: this.bucket };
  }
}

/** A copy of a DownsampledHistory: `columns[c][i]` is column c's mean over the bucket ending at `epochs[i]`. */
export interface HistorySnapshot {
  readonly epochs: Float64Array;
  readonly columns: readonly Float64Array[];
  readonly stride: number;
}

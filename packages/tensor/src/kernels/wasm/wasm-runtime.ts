import type { TypedArray } from "../../dtype.js";
import type { GemmPool } from "../threads/gemm-pool.js";
import { fitsArena } from "./arena-layout.js";
import { ResidentHeap } from "./resident-heap.js";
import { gemmRelaxedSharedWasm, gemmRelaxedWasm, gemmSharedWasm, gemmWasm, vectorOpsSharedWasm, vectorOpsWasm } from "./wasm-bytes.generated.js";
import { decodeBase64 } from "../../encoding/base64.js";

/**
 * gemm_f32 in gemm.wat: C = relu?(prior? + op(A)·op(B) + bias?), every pointer a byte offset into
 * the memory; `flags` bit 0 adds prior, bit 1 the bias row, bit 2 takes max(·, 0).
 */
export type GemmF32 = (
  a: number, b: number, c: number, m: number, n: number, k: number,
  transA: number, transB: number, prior: number, bias: number, flags: number, packA: number, packB: number, tile: number,
) => void;

/** The exports of vector-ops.wat (pointers are byte offsets, counts in floats). */
export interface VectorOpsF32 {
  positive_part_f32(x: number, y: number, n: number): void;
  where_positive_f32(x: number, a: number, out: number, n: number): void;
  add_to_rows_f32(y: number, row: number, rows: number, cols: number): void;
  add_column_sums_f32(y: number, out: number, rows: number, cols: number): void;
  add_scaled_f32(y: number, x: number, alpha: number, n: number): void;
}

const PAGE_BYTES = 65536;

/** Copies into and out of the wasm memory since counting began (see `countBoundaryCrossings`). */
export interface BoundaryCrossings {
  copiesIn: number;
  floatsIn: number;
  copiesOut: number;
  floatsOut: number;
}

/** A range of the memory holding tensors' data; freed when the last view of it is collected. */
interface ResidentRegion {
  at: number;
  bytes: number;
  views: number;
}

/** At most this much of the memory holds tensors; past it, working arrays are ordinary ones. */
const RESIDENT_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The instantiated kernel modules and the one linear memory they share. From the bottom: ranges
 * that hold tensors between calls (`residentArray`, only when the memory is shared, since growing
 * a shared memory keeps every view of it valid, where an ordinary one detaches them all), then the
 * scratch arena, which starts at `base`. A call copies each operand that is not already in the
 * memory into the arena at fixed offsets, computes, and copies a result that lives outside back
 * out; an operand or result in the memory is used in place.
 */
export class WasmRuntime {
  readonly memory: WebAssembly.Memory;
  readonly gemmF32: GemmF32;
  readonly vectorOps: VectorOpsF32;
  /** Whether views of the memory survive its growth, so tensors may live in it. */
  readonly shared: boolean;
  private view!: Float32Array;
  /** `view.buffer` and `view.byteLength`, read once per view rather than once per call. */
  private viewBuffer!: ArrayBufferLike;
  private viewBytes = 0;
  /** Views of the arena's first `length` floats, by length: a result is copied out through one of them. */
  private readonly heads = new Map<number, Float32Array>();
  private headsAt = 0;
  private readonly heap = new ResidentHeap(RESIDENT_LIMIT_BYTES);
  /** Every buffer object the memory has had: a view of any of them lies in this memory. */
  private readonly buffers = new WeakSet<object>();
  private readonly regions = new WeakMap<object, ResidentRegion>();
  private readonly collected: FinalizationRegistry<ResidentRegion>;

  constructor(memory: WebAssembly.Memory, gemmF32: GemmF32, vectorOps: VectorOpsF32, shared = false) {
    this.memory = memory;
    this.gemmF32 = gemmF32;
    this.vectorOps = vectorOps;
    this.shared = shared;
    this.setView(new Float32Array(memory.buffer));
    this.collected = new FinalizationRegistry((region) => this.dropView(region));
  }

  /**
   * gemm.wat with relaxed SIMD's `f32x4.relaxed_madd` in its micro-kernel, on this memory; null
   * where the engine lacks relaxed SIMD (Node 20 without --experimental-wasm-relaxed-simd). The
   * engine may fuse the multiply-add (one rounding) or not, so results may differ by machine.
   */
  relaxedGemm(): GemmF32 | null {
    if (this.relaxed === undefined) {
      this.relaxed = null;
      const bytes = decodeBase64(this.shared ? gemmRelaxedSharedWasm : gemmRelaxedWasm);
      if (WebAssembly.validate(bytes)) {
        try {
          const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: this.memory } });
          this.relaxed = instance.exports.gemm_f32 as GemmF32;
        } catch {
          // validated but refused: no relaxed kernels
        }
      }
    }
    return this.relaxed;
  }

  private relaxed: GemmF32 | null | undefined;

  /** Byte offset where the scratch arena starts: every arena offset of a call is relative to it. */
  get base(): number {
    return this.heap.top;
  }

  /**
   * A float32 view of the whole memory, first growing it so the arena holds at least `bytes`
   * (null when the engine refuses to grow that far, or the memory would pass what the kernels
   * address). Growth happens once per new largest call, so a training loop at a fixed batch size
   * stops allocating after its first step.
   */
  f32(bytes: number): Float32Array | null {
    return this.reserve(this.base + bytes) ? this.view : null;
  }

  private reserve(end: number): boolean {
    // Every call asks; once the arena is large enough the answer needs no call into the engine
    // (memory.buffer is a host getter). Only this runtime grows the memory, and it remakes the
    // view when it does, so a view that reaches `end` is current.
    if (end <= this.viewBytes) return true;
    if (!fitsArena(end)) return false;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE_BYTES));
      } catch {
        return false; // past the engine's memory limit: the caller uses the JavaScript kernel
      }
    }
    if (this.view.buffer !== this.memory.buffer) {
      this.setView(new Float32Array(this.memory.buffer));
      // An ordinary memory detached the old views: remake them now, while the first (largest)
      // step is still growing the arena, rather than one by one in the steps after it.
      this.remakeHeads();
    }
    return true;
  }

  private remakeHeads(): void {
    this.headsAt = this.base;
    const buffer = this.memory.buffer;
    for (const length of this.heads.keys()) {
      if (this.headsAt + length * 4 <= buffer.byteLength) this.heads.set(length, new Float32Array(buffer, this.headsAt, length));
      else this.heads.delete(length); // made again when a call needs it (after f32 has grown the memory)
    }
  }

  private setView(view: Float32Array): void {
    this.view = view;
    this.viewBuffer = view.buffer;
    this.viewBytes = view.byteLength;
    this.buffers.add(view.buffer);
  }

  /** The byte offset of `a` in this memory, or -1 when `a` lives elsewhere (it must be copied in). */
  offsetOf(a: TypedArray): number {
    const buffer = a.buffer;
    // The current buffer first: resident arrays made since the last growth are views of it.
    return buffer === this.viewBuffer || this.buffers.has(buffer) ? a.byteOffset : -1;
  }

  /**
   * A float32 array of `length` in this memory that kernels read and write in place, or null
   * (an ordinary memory, or the limit reached). `previous`, an array from an earlier call, lends
   * its range when it is large enough, so alternating batch sizes reuse the same bytes.
   */
  residentArray(length: number, previous?: TypedArray): Float32Array | null {
    if (!this.shared || length === 0) return null;
    const bytes = length * 4;
    let region = previous === undefined ? undefined : this.regions.get(previous);
    if (region === undefined || region.bytes < bytes) {
      const at = this.heap.allocate(bytes);
      if (at < 0 || !this.reserve(this.heap.top)) {
        if (at >= 0) this.heap.release(at, bytes);
        return null;
      }
      region = { at, bytes, views: 0 };
      if (this.headsAt !== this.base) this.remakeHeads();
    }
    const array = new Float32Array(this.memory.buffer, region.at, length);
    region.views++;
    this.regions.set(array, region);
    this.collected.register(array, region);
    return array;
  }

  private dropView(region: ResidentRegion): void {
    if (--region.views === 0) {
      this.heap.release(region.at, region.bytes);
      if (this.headsAt !== this.base) this.remakeHeads();
    }
  }

  /**
   * Copies `source` into the arena at float index `at` (call after `f32`): one of the two places
   * where data crosses from JavaScript into WebAssembly, counted when `crossings` is set.
   */
  copyIn(source: TypedArray, at: number): void {
    this.view.set(source, this.base / 4 + at);
    if (this.crossings !== null) {
      this.crossings.floatsIn += source.length;
      this.crossings.copiesIn++;
    }
  }

  /**
   * The byte address of operand `x` for a kernel: where it lives when it is in this memory,
   * else the arena offset `arenaAt` (bytes, relative to `base`) after copying it there.
   */
  place(x: TypedArray, arenaAt: number): number {
    const at = this.offsetOf(x);
    if (at >= 0) return at;
    this.copyIn(x, arenaAt / 4);
    return this.base + arenaAt;
  }

  /** Where a kernel writes result `out`: in place when it is in this memory, else the arena's start. */
  target(out: TypedArray): number {
    const at = this.offsetOf(out);
    return at >= 0 ? at : this.base;
  }

  /** After a kernel wrote `out` at `target(out)`: copies it out unless it was written in place. */
  deliver(out: TypedArray): void {
    if (this.offsetOf(out) < 0) this.copyOut(out);
  }

  /** Copies the arena's first `target.length` floats into `target`: the way back out. */
  copyOut(target: TypedArray): void {
    target.set(this.head(target.length));
    if (this.crossings !== null) {
      this.crossings.floatsOut += target.length;
      this.crossings.copiesOut++;
    }
  }

  /** The opt-in worker pool that shares large float32 products (`setThreads`), or null: one thread. */
  threads: GemmPool | null = null;

  /** Counts of copies across the JavaScript/WebAssembly boundary, while a test or the bench asks for them. */
  crossings: BoundaryCrossings | null = null;

  /**
   * The arena's first `length` floats as a view, made once per length and reused, so that
   * copying a result out (`out.set(head)`) allocates nothing once a training loop has warmed up.
   * Call after `f32`, which may replace the buffer.
   */
  head(length: number): Float32Array {
    if (this.headsAt !== this.base) this.remakeHeads();
    let view = this.heads.get(length);
    if (view === undefined) {
      view = new Float32Array(this.memory.buffer, this.headsAt, length);
      this.heads.set(length, view);
    }
    return view;
  }
}

export interface WasmRuntimeOptions {
  /** Cap on the memory in 64 KiB pages (default: the engine's limit). Tests use it. */
  maximumPages?: number;
  /** false: an ordinary memory even where a shared one is available (every operand is copied). */
  shared?: boolean;
}

/**
 * Compiles the kernels, or returns null where WebAssembly or its 128-bit SIMD is missing. The
 * modules themselves are the feature test: `WebAssembly.validate` rejects them on an engine
 * without SIMD. Compilation is synchronous (the modules are about a kilobyte, far below the size
 * browsers refuse to compile synchronously on the main thread).
 */
export function loadWasmRuntime(options: WasmRuntimeOptions = {}): WasmRuntime | null {
  if (typeof WebAssembly !== "object") return null;
  const gemmBytes = decodeBase64(gemmWasm), vectorOpsBytes = decodeBase64(vectorOpsWasm);
  if (!WebAssembly.validate(gemmBytes) || !WebAssembly.validate(vectorOpsBytes)) return null;
  return (options.shared === false ? null : instantiate(gemmSharedWasm, vectorOpsSharedWasm, options, true)) ??
    instantiate(gemmWasm, vectorOpsWasm, options, false);
}

/** The runtime on a shared or an ordinary memory, or null where the engine refuses it. */
function instantiate(gemm64: string, vectorOps64: string, options: WasmRuntimeOptions, shared: boolean): WasmRuntime | null {
  try {
    const gemmBytes = decodeBase64(gemm64), vectorOpsBytes = decodeBase64(vectorOps64);
    if (!WebAssembly.validate(gemmBytes) || !WebAssembly.validate(vectorOpsBytes)) return null;
    // A shared memory must declare its maximum; 32768 pages is the 2 GiB the kernels address.
    const maximum = options.maximumPages ?? (shared ? 32768 : undefined);
    const memory = new WebAssembly.Memory({ initial: 16, maximum, shared });
    const imports = { env: { memory } };
    const gemm = new WebAssembly.Instance(new WebAssembly.Module(gemmBytes), imports);
    const vectorOps = new WebAssembly.Instance(new WebAssembly.Module(vectorOpsBytes), imports);
    return new WasmRuntime(memory, gemm.exports.gemm_f32 as GemmF32, vectorOps.exports as unknown as VectorOpsF32, shared);
  } catch {
    // A host that validates but refuses to instantiate (a strict content-security policy, or no
    // shared memory) keeps the JavaScript kernels, or the ordinary memory.
    return null;
  }
}

import type { TypedArray } from "../../dtype.js";
import { fitsArena } from "./arena-layout.js";
import { gemmWasm, vectorOpsWasm } from "./wasm-bytes.generated.js";
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

/**
 * The instantiated kernel modules and the one linear memory they share. The memory is a scratch
 * arena: each call copies its operands in at fixed offsets, computes, and copies the result out,
 * so tensors stay ordinary typed arrays (a grown wasm memory detaches every view of it, which a
 * Tensor's `data` must never suffer).
 */
export class WasmRuntime {
  readonly memory: WebAssembly.Memory;
  readonly gemmF32: GemmF32;
  readonly vectorOps: VectorOpsF32;
  private view: Float32Array;
  /** Views of the first `length` floats, by length: a result is copied out through one of them. */
  private readonly heads = new Map<number, Float32Array>();

  constructor(memory: WebAssembly.Memory, gemmF32: GemmF32, vectorOps: VectorOpsF32) {
    this.memory = memory;
    this.gemmF32 = gemmF32;
    this.vectorOps = vectorOps;
    this.view = new Float32Array(memory.buffer);
  }

  /**
   * A float32 view of the whole memory, first growing it to at least `bytes` (null when the
   * engine refuses to grow that far, or `bytes` is past what the kernels address). Growth happens once per new largest call, so a training
   * loop at a fixed batch size stops allocating after its first step.
   */
  f32(bytes: number): Float32Array | null {
    if (!fitsArena(bytes)) return null;
    const have = this.memory.buffer.byteLength;
    if (bytes > have) {
      try {
        this.memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
      } catch {
        return null; // past the engine's memory limit: the caller uses the JavaScript kernel
      }
    }
    if (this.view.buffer !== this.memory.buffer) {
      this.view = new Float32Array(this.memory.buffer);
      // Views of the old buffer are detached: remake them now, while the first (largest) step
      // is still growing the arena, rather than one by one in the steps after it.
      for (const length of this.heads.keys()) this.heads.set(length, new Float32Array(this.memory.buffer, 0, length));
    }
    return this.view;
  }

  /**
   * Copies `source` into the memory at float index `at` (call after `f32`): one of the two places
   * where data crosses from JavaScript into WebAssembly, counted when `crossings` is set.
   */
  copyIn(source: TypedArray, at: number): void {
    this.view.set(source, at);
    if (this.crossings !== null) {
      this.crossings.floatsIn += source.length;
      this.crossings.copiesIn++;
    }
  }

  /** Copies the first `target.length` floats of the memory into `target`: the way back out. */
  copyOut(target: TypedArray): void {
    target.set(this.head(target.length));
    if (this.crossings !== null) {
      this.crossings.floatsOut += target.length;
      this.crossings.copiesOut++;
    }
  }

  /** Counts of copies across the JavaScript/WebAssembly boundary, while a test or the bench asks for them. */
  crossings: BoundaryCrossings | null = null;

  /**
   * The first `length` floats of the memory as a view, made once per length and reused, so that
   * copying a result out (`out.set(head)`) allocates nothing once a training loop has warmed up.
   * Call after `f32`, which may replace the buffer.
   */
  head(length: number): Float32Array {
    let view = this.heads.get(length);
    if (view === undefined) {
      view = new Float32Array(this.memory.buffer, 0, length);
      this.heads.set(length, view);
    }
    return view;
  }
}

export interface WasmRuntimeOptions {
  /** Cap on the arena in 64 KiB pages (default: the engine's limit). Tests use it. */
  maximumPages?: number;
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
  try {
    const memory = new WebAssembly.Memory({ initial: 16, maximum: options.maximumPages });
    const imports = { env: { memory } };
    const gemm = new WebAssembly.Instance(new WebAssembly.Module(gemmBytes), imports);
    const vectorOps = new WebAssembly.Instance(new WebAssembly.Module(vectorOpsBytes), imports);
    return new WasmRuntime(memory, gemm.exports.gemm_f32 as GemmF32, vectorOps.exports as unknown as VectorOpsF32);
  } catch {
    // A host that validates but refuses to instantiate (a strict content-security policy) keeps
    // the JavaScript kernels.
    return null;
  }
}

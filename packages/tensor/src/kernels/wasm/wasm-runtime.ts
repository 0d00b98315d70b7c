import { fitsArena } from "./arena-layout.js";
import { gemmWasm, layerOpsWasm } from "./wasm-bytes.generated.js";
import { decodeBase64 } from "../../encoding/base64.js";

/** gemm_f32 in gemm.wat: C = op(A)·op(B) (+ C), every pointer a byte offset into the memory. */
export type GemmF32 = (
  a: number, b: number, c: number, m: number, n: number, k: number,
  transA: number, transB: number, accumulate: number, packA: number, packB: number, tile: number,
) => void;

/** The exports of layer-ops.wat (pointers are byte offsets, counts in floats). */
export interface LayerOpsF32 {
  relu_f32(x: number, y: number, n: number): void;
  relu_grad_f32(x: number, dy: number, dx: number, n: number): void;
  add_row_f32(y: number, b: number, rows: number, cols: number): void;
  sum_rows_f32(y: number, out: number, rows: number, cols: number): void;
  axpy_f32(y: number, x: number, alpha: number, n: number): void;
}

const PAGE_BYTES = 65536;

/**
 * The instantiated kernel modules and the one linear memory they share. The memory is a scratch
 * arena: each call copies its operands in at fixed offsets, computes, and copies the result out,
 * so tensors stay ordinary typed arrays (a grown wasm memory detaches every view of it, which a
 * Tensor's `data` must never suffer).
 */
export class WasmRuntime {
  readonly memory: WebAssembly.Memory;
  readonly gemmF32: GemmF32;
  readonly layerOps: LayerOpsF32;
  private view: Float32Array;
  /** Views of the first `length` floats, by length: a result is copied out through one of them. */
  private readonly heads = new Map<number, Float32Array>();

  constructor(memory: WebAssembly.Memory, gemmF32: GemmF32, layerOps: LayerOpsF32) {
    this.memory = memory;
    this.gemmF32 = gemmF32;
    this.layerOps = layerOps;
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
  const gemmBytes = decodeBase64(gemmWasm), layerOpsBytes = decodeBase64(layerOpsWasm);
  if (!WebAssembly.validate(gemmBytes) || !WebAssembly.validate(layerOpsBytes)) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: 16, maximum: options.maximumPages });
    const imports = { env: { memory } };
    const gemm = new WebAssembly.Instance(new WebAssembly.Module(gemmBytes), imports);
    const layerOps = new WebAssembly.Instance(new WebAssembly.Module(layerOpsBytes), imports);
    return new WasmRuntime(memory, gemm.exports.gemm_f32 as GemmF32, layerOps.exports as unknown as LayerOpsF32);
  } catch {
    // A host that validates but refuses to instantiate (a strict content-security policy) keeps
    // the JavaScript kernels.
    return null;
  }
}

import type { TypedArray } from "../../dtype.js";
import type { Kernels } from "../kernels.js";
import { align16, fitsArena } from "./arena-layout.js";
import type { WasmRuntime } from "./wasm-runtime.js";

// Block sizes of gemm.wat (its globals KC, MC, NC and its 4×8 micro-kernel).
const KC = 256, MC = 128, NC = 512, MR = 4, NR = 8;
const TILE_BYTES = MR * NR * 4;

/**
 * Below this many multiply-adds a call into wasm (copies, packing) costs more than the plain
 * loops save. Measured per call on this project's machines: 32×1·1×32 takes 0.6 µs in wasm
 * against 3.3 µs in the JavaScript kernel, and the two tie near 4×4·4×4 (64).
 */
const MIN_WASM_MACS = 128;

function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}

/** Byte offsets of one call's operands in the arena; `end` is the bytes it needs in all. */
export interface MatmulLayout {
  tile: number;
  packA: number;
  packB: number;
  aAt: number;
  bAt: number;
  end: number;
}

export function emptyMatmulLayout(): MatmulLayout {
  return { tile: 0, packA: 0, packB: 0, aAt: 0, bAt: 0, end: 0 };
}

/**
 * The arena layout of an [m×k]·[k×n] product: C | tile | packed A | packed B | A | B. C comes
 * first so the view it is copied out through depends on its length alone (runtime.head). Fills
 * `out` (so a training step allocates nothing) and returns false when the operands cannot fit the
 * memory the kernels address; the caller then uses the JavaScript kernel. The epilogue's operands
 * (C as it was, the bias row) follow at `end` when the call has them.
 */
export function matmulLayout(m: number, n: number, k: number, out: MatmulLayout): boolean {
  const kc = Math.min(k, KC);
  const tile = align16(m * n * 4);
  const packA = tile + TILE_BYTES;
  const packB = packA + align16(roundUp(Math.min(m, MC), MR) * kc * 4);
  const aAt = packB + align16(roundUp(Math.min(n, NC), NR) * kc * 4);
  const bAt = aAt + align16(m * k * 4);
  const end = bAt + k * n * 4;
  out.tile = tile;
  out.packA = packA;
  out.packB = packB;
  out.aAt = aAt;
  out.bAt = bAt;
  out.end = end;
  return fitsArena(end);
}

type Matmul = Kernels["matmul"];

/** Bits of gemm_f32's `flags`. */
const ADD_PRIOR = 1, ADD_BIAS = 2, RELU = 4;

/**
 * matmul through gemm.wat for float32 (or `gemm`, its relaxed-SIMD build), epilogue included;
 * float64 (tests, gradcheck) and tiny products go to the JavaScript kernel, which is exact to the
 * same contract.
 */
export function createWasmMatmul(runtime: WasmRuntime, fallback: Matmul, gemm = runtime.gemmF32): Matmul {
  const layout = emptyMatmulLayout();
  return function matmulWasm(
    a: TypedArray, b: TypedArray, out: TypedArray, m: number, n: number, k: number, transA: boolean, transB: boolean,
    accumulate = false, bias: TypedArray | null = null, relu = false,
  ): void {
    if (!(out instanceof Float32Array) || !(a instanceof Float32Array) || !(b instanceof Float32Array) ||
      (bias !== null && !(bias instanceof Float32Array)) || m * n * k < MIN_WASM_MACS) {
      fallback(a, b, out, m, n, k, transA, transB, accumulate, bias, relu);
      return;
    }
    const fits = matmulLayout(m, n, k, layout);
    const priorAt = align16(layout.end), biasAt = priorAt + (accumulate ? align16(m * n * 4) : 0);
    // With the worker pool (setThreads), each helper gets its own pack buffers and tile after these.
    const pool = gemm === runtime.gemmF32 ? runtime.threads : null;
    const chunks = pool === null ? 1 : pool.chunksFor(m, n, k);
    const scratchAt = align16(biasAt + (bias !== null ? n * 4 : 0)), stride = layout.aAt - layout.tile;
    const end = scratchAt + (chunks > 1 ? (pool!.threads - 1) * stride : 0);
    const heap = fits && fitsArena(end) ? runtime.f32(end) : null;
    if (heap === null) {
      fallback(a, b, out, m, n, k, transA, transB, accumulate, bias, relu);
      return;
    }
    const { tile, packA, packB, aAt, bAt } = layout;
    const base = runtime.base;
    // Operands already in the memory (a layer's resident buffers) are read in place; the others
    // are whole tensors (length m·k and k·n): one memcpy each, no view objects.
    const aPtr = runtime.place(a, aAt), bPtr = runtime.place(b, bAt);
    // C is written where it lives when it is in the memory, else at the arena's start and copied out.
    const resident = runtime.offsetOf(out);
    const c = resident >= 0 ? resident : base;
    let prior = base + priorAt;
    if (accumulate) {
      // One slab deep, C is read just before its only store, so it can be its own prior; a
      // deeper product stores partial sums in C, so C as it was is kept in the arena.
      if (resident < 0) runtime.copyIn(out, priorAt / 4);
      else if (k <= KC) prior = resident;
      else heap.copyWithin((base + priorAt) / 4, resident / 4, resident / 4 + m * n);
    }
    const biasPtr = bias === null ? base + biasAt : runtime.place(bias, biasAt);
    const flags = (accumulate ? ADD_PRIOR : 0) | (bias !== null ? ADD_BIAS : 0) | (relu ? RELU : 0);
    if (chunks > 1) {
      pool!.gemm(chunks, aPtr, bPtr, c, m, n, k, transA ? 1 : 0, transB ? 1 : 0, prior, biasPtr, flags, base + packA, base + packB, base + tile, base + scratchAt, stride);
    } else {
      gemm(aPtr, bPtr, c, m, n, k, transA ? 1 : 0, transB ? 1 : 0, prior, biasPtr, flags, base + packA, base + packB, base + tile);
    }
    if (resident < 0) runtime.copyOut(out);
  };
}

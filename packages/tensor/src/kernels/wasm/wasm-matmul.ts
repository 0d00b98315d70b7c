import type { TypedArray } from "../../dtype.js";
import type { Kernels } from "../kernels.js";
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

/** Bytes rounded up to 16 so every operand starts on a SIMD-vector boundary. */
function align16(bytes: number): number {
  return (bytes + 15) & ~15;
}

type Matmul = Kernels["matmul"];

/**
 * matmul through gemm.wat for float32; float64 (tests, gradcheck) and tiny products go to the
 * JavaScript kernel, which is exact to the same contract.
 */
export function createWasmMatmul(runtime: WasmRuntime, fallback: Matmul): Matmul {
  return function matmulWasm(a: TypedArray, b: TypedArray, out: TypedArray, m: number, n: number, k: number, transA: boolean, transB: boolean): void {
    if (!(out instanceof Float32Array) || !(a instanceof Float32Array) || !(b instanceof Float32Array) || m * n * k < MIN_WASM_MACS) {
      fallback(a, b, out, m, n, k, transA, transB);
      return;
    }
    const kc = Math.min(k, KC);
    // Layout of the arena for this call: C | tile | packed A | packed B | A | B. C comes first so
    // the view it is copied out through depends on its length alone (runtime.head).
    const tile = align16(m * n * 4);
    const packA = tile + TILE_BYTES;
    const packB = packA + align16(roundUp(Math.min(m, MC), MR) * kc * 4);
    const aAt = packB + align16(roundUp(Math.min(n, NC), NR) * kc * 4);
    const bAt = aAt + align16(m * k * 4);
    const heap = runtime.f32(bAt + k * n * 4);
    if (heap === null) {
      fallback(a, b, out, m, n, k, transA, transB);
      return;
    }
    // Operands are whole tensors (length m·k and k·n): one memcpy each, no view objects.
    heap.set(a, aAt >> 2);
    heap.set(b, bAt >> 2);
    runtime.gemmF32(aAt, bAt, 0, m, n, k, transA ? 1 : 0, transB ? 1 : 0, 0, packA, packB, tile);
    out.set(runtime.head(m * n));
  };
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng, jsKernels } from "../src/index.js";
import { nodeWorkers } from "../src/node/index.js";
import { GemmPool, MIN_THREADED_MACS } from "../src/kernels/threads/gemm-pool.js";
import { createWasmMatmul } from "../src/kernels/wasm/wasm-matmul.js";
import { loadWasmRuntime } from "../src/kernels/wasm/wasm-runtime.js";
import { gemmWasm } from "../src/kernels/wasm/wasm-bytes.generated.js";
import { decodeBase64 } from "../src/index.js";
import { firstBitDifference } from "./first-bit-difference.js";

// The worker pool cuts a product into chunks of whole rows (or columns) of C and the thread that
// takes a chunk computes it with the same micro-kernel over the same slices of k, in the same
// order: so every split, whoever computes what, must give the bits of one thread. Checked first on the kernel alone (any block,
// including ones that do not fall on tile boundaries), then through the pool with 2, 3 and 4
// threads on shapes that hit both split directions, ragged edges, several KC slices, the
// epilogue and accumulation, with operands copied in and operands resident in the memory.

function random(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

describe("gemm_f32_part: any block of C has the bits of the whole product", () => {
  const memory = new WebAssembly.Memory({ initial: 256 });
  const exports = new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(gemmWasm)), { env: { memory } }).exports;
  type Gemm = (...args: number[]) => void;
  const whole = exports.gemm_f32 as Gemm, part = exports.gemm_f32_part as Gemm;
  const heap = new Float32Array(memory.buffer);
  // a | b | prior | bias | C (whole) | C (blocks) | packA | packB | tile, in floats
  const A = 0, B = 400_000, PRIOR = 800_000, BIAS = 1_000_000, C1 = 1_010_000, C2 = 1_300_000, PACK_A = 1_600_000, PACK_B = 1_750_000, TILE = 2_400_000;

  const cases: Array<[number, number, number, boolean, boolean, number]> = [
    [13, 17, 300, false, false, 0], [33, 9, 600, true, false, 1], [130, 520, 300, false, true, 2],
    [130, 70, 600, true, true, 7], [5, 600, 40, false, false, 6], [257, 11, 129, true, false, 5],
  ];
  for (const [m, n, k, transA, transB, flags] of cases) {
    it(`[${m}×${k}]·[${k}×${n}] transA=${transA} transB=${transB} flags=${flags}, cut into ragged row and column blocks`, () => {
      heap.set(random(m * k, m + k), A);
      heap.set(random(k * n, n + 2 * k), B);
      heap.set(random(m * n, m * n), PRIOR);
      heap.set(random(n, n), BIAS);
      const args = (c: number) => [A * 4, B * 4, c * 4, m, n, k, transA ? 1 : 0, transB ? 1 : 0, PRIOR * 4, BIAS * 4, flags, PACK_A * 4, PACK_B * 4, TILE * 4];
      whole(...args(C1));
      const rowCuts = [0, Math.min(m, 3), Math.min(m, 4 + (m >> 1)), m].filter((v, i, all) => i === 0 || v > all[i - 1]);
      const colCuts = [0, Math.min(n, 5), Math.min(n, 8 + (n >> 1)), n].filter((v, i, all) => i === 0 || v > all[i - 1]);
      heap.fill(Number.NaN, C2, C2 + m * n);
      for (let r = 1; r < rowCuts.length; r++) {
        for (let c = 1; c < colCuts.length; c++) part(...args(C2), rowCuts[r - 1], rowCuts[r], colCuts[c - 1], colCuts[c]);
      }
      expect(firstBitDifference(heap.subarray(C2, C2 + m * n), heap.subarray(C1, C1 + m * n))).toBe(-1);
    });
  }
});

describe("the worker pool: 2, 3 and 4 threads give the bits of one thread", () => {
  const runtime = loadWasmRuntime();
  if (runtime === null || !runtime.shared) throw new Error("these tests need WebAssembly SIMD and a shared memory (Node has both)");
  const matmul = createWasmMatmul(runtime, jsKernels.matmul.bind(jsKernels));
  const pools = new Map<number, GemmPool>();

  beforeAll(async () => {
    for (const threads of [2, 3, 4]) pools.set(threads, new GemmPool(runtime.memory, nodeWorkers, threads));
    await Promise.all([...pools.values()].map((pool) => pool.ready));
  });
  afterAll(async () => {
    runtime.threads = null;
    await Promise.all([...pools.values()].map((pool) => pool.stop()));
  });

  // m·n·k ≥ MIN_THREADED_MACS for every shape, so each is split. m ≥ n splits rows, m < n columns.
  const shapes: Array<[number, number, number]> = [
    [101, 103, 107], [1000, 32, 64], [64, 32, 1000], [7, 1031, 300], [3, 2000, 200], [2000, 3, 200],
    [257, 9, 700], [130, 520, 600], [128, 256, 784], [784, 256, 128], [128, 784, 256],
  ];
  const epilogues = [
    { accumulate: false, bias: false, relu: false }, { accumulate: true, bias: false, relu: false },
    { accumulate: false, bias: true, relu: true }, { accumulate: true, bias: true, relu: true },
  ];
  for (const [m, n, k] of shapes) {
    it(`[${m}×${k}]·[${k}×${n}], every transpose and epilogue`, () => {
      expect(m * n * k).toBeGreaterThanOrEqual(MIN_THREADED_MACS);
      for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const a = random(m * k, m + 3 * k), b = random(k * n, n + 5 * k), c0 = random(m * n, 7 * m + n), bias = random(n, n + 1);
        for (const { accumulate, bias: withBias, relu } of epilogues) {
          runtime.threads = null;
          const expected = c0.slice();
          matmul(a, b, expected, m, n, k, transA, transB, accumulate, withBias ? bias : null, relu);
          for (const [threads, pool] of pools) {
            runtime.threads = pool;
            const units = m >= n ? Math.ceil(m / 4) : Math.ceil(n / 8);
            expect(pool.chunksFor(m, n, k)).toBe(Math.min(2 * threads, units));
            const actual = c0.slice();
            matmul(a, b, actual, m, n, k, transA, transB, accumulate, withBias ? bias : null, relu);
            const where = `${threads} threads, transA=${transA} transB=${transB} accumulate=${accumulate} bias=${withBias} relu=${relu}`;
            expect(firstBitDifference(actual, expected), where).toBe(-1);
          }
        }
      }
    });
  }

  it("reads and writes operands resident in the memory in place (C its own prior only when k ≤ KC)", () => {
    for (const [m, n, k] of [[300, 40, 200], [300, 40, 600]] as const) {
      const a = runtime.residentArray(m * k)!, b = runtime.residentArray(k * n)!, out = runtime.residentArray(m * n)!;
      a.set(random(m * k, 1));
      b.set(random(k * n, 2));
      const c0 = random(m * n, 3);
      runtime.threads = null;
      out.set(c0);
      matmul(a, b, out, m, n, k, false, false, true);
      const expected = out.slice();
      runtime.threads = pools.get(2)!;
      out.set(c0);
      matmul(a, b, out, m, n, k, false, false, true);
      expect(firstBitDifference(out, expected), `k=${k}`).toBe(-1);
    }
  });

  it("sees the memory at the size the caller grew it to (a first product larger than the memory was)", () => {
    const before = runtime.memory.buffer.byteLength;
    const m = 1500, n = 1200, k = 300; // 7 MB of operands and result
    const a = random(m * k, 4), b = random(k * n, 5);
    runtime.threads = pools.get(2)!;
    const actual = new Float32Array(m * n);
    matmul(a, b, actual, m, n, k, false, true);
    expect(runtime.memory.buffer.byteLength).toBeGreaterThan(before);
    runtime.threads = null;
    const expected = new Float32Array(m * n);
    matmul(a, b, expected, m, n, k, false, true);
    expect(firstBitDifference(actual, expected)).toBe(-1);
  });

  it("keeps small products on the calling thread, and gave workers chunks of the large ones", () => {
    const pool = pools.get(2)!;
    expect(pool.chunksFor(64, 64, 64)).toBe(1); // 262,144 multiply-adds, under MIN_THREADED_MACS
    expect(pool.chunksFor(4, 4, 1 << 20)).toBe(1); // one tile row and half a tile column: nothing to split
    // Which thread takes which chunk is up to the scheduler; over the hundreds of products above,
    // every pool's workers took some (else the bits above would prove nothing about them).
    for (const [threads, each] of pools) expect(each.workerChunks, `${threads} threads`).toBeGreaterThan(0);
  });
});

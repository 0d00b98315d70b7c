import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { type WorkerHost, createRng, jsKernels, kernels, matmul, setBackend, setThreads, tensor, threadCount } from "../src/index.js";
import { nodeWorkers } from "../src/node/index.js";
import { GemmPool } from "../src/kernels/threads/gemm-pool.js";
import { applyThreads } from "../src/kernels/threads/set-threads.js";
import { createWasmMatmul } from "../src/kernels/wasm/wasm-matmul.js";
import { loadWasmRuntime } from "../src/kernels/wasm/wasm-runtime.js";

function random(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

/** nodeWorkers, counting the workers it starts and stops. */
function countingHost(available = nodeWorkers.available): WorkerHost & { started: number; stopped: number } {
  const host = {
    available, started: 0, stopped: 0,
    spawn: (...args: Parameters<WorkerHost["spawn"]>) => {
      host.started++;
      const worker = nodeWorkers.spawn(...args);
      return { stop: () => { host.stopped++; return worker.stop(); } };
    },
  };
  return host;
}

afterAll(async () => {
  await setThreads(1);
  setBackend("wasm");
});

describe("setThreads", () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await setThreads(1);
  });

  it("runs float32 products on 2 threads with the bits of 1, and turns off again at run time", async () => {
    const m = 300, n = 200, k = 150;
    const a = tensor(Array.from({ length: m }, (_, i) => Array.from(random(k, i)))), b = tensor(Array.from({ length: k }, (_, i) => Array.from(random(n, 1000 + i))));
    expect(threadCount()).toBe(1);
    const one = matmul(a, b);
    const host = countingHost(2);
    await setThreads(2, { workers: host });
    expect(threadCount()).toBe(2);
    expect(host.started).toBe(1);
    const two = matmul(a, b);
    expect(Array.from(two.data).every((v, i) => Object.is(v, one.data[i]))).toBe(true);
    await setThreads(2, { workers: host }); // the same count again keeps the running pool
    expect(host.started).toBe(1);
    await setThreads(1);
    expect(threadCount()).toBe(1);
    expect(host.stopped).toBe(1);
    const again = matmul(a, b);
    expect(Array.from(again.data).every((v, i) => Object.is(v, one.data[i]))).toBe(true);
    await setThreads(2, { workers: host });
    expect(host.started).toBe(2);
    expect(Array.from(matmul(a, b).data).every((v, i) => Object.is(v, one.data[i]))).toBe(true);
  });

  it("leaves float64 products (the JavaScript kernel, one thread) as they were", async () => {
    const m = 120, n = 130, k = 140;
    const a = new Float64Array(random(m * k, 1)), b = new Float64Array(random(k * n, 2));
    const one = new Float64Array(m * n), two = new Float64Array(m * n);
    kernels().matmul(a, b, one, m, n, k, false, false);
    await setThreads(2, { workers: nodeWorkers });
    kernels().matmul(a, b, two, m, n, k, false, false);
    expect(two.every((v, i) => Object.is(v, one[i]))).toBe(true);
  });

  it("refuses a count that is not a whole number from 1 to the machine's threads, naming it", () => {
    const host = countingHost(2);
    expect(() => setThreads(0, { workers: host })).toThrow("setThreads: count must be a whole number ≥ 1 (1 turns the pool off), got 0");
    expect(() => setThreads(1.5, { workers: host })).toThrow("got 1.5");
    expect(() => setThreads(Number.NaN, { workers: host })).toThrow("got NaN");
    expect(() => setThreads("2" as unknown as number, { workers: host })).toThrow('got "2"');
    expect(() => setThreads(3, { workers: host })).toThrow("setThreads: count must be at most 2, the threads this machine runs at once, got 3");
    expect(() => setThreads(2, { worker: host } as never)).toThrow('setThreads: unknown option "worker" (did you mean "workers"?)');
    expect(host.started).toBe(0);
    expect(threadCount()).toBe(1);
  });

  it("says how to get workers in Node, where there is no Web Worker", () => {
    expect(() => setThreads(2)).toThrow('setThreads: this engine has no Web Worker; in Node pass the worker_threads host: setThreads(n, { workers: nodeWorkers }) with nodeWorkers from "@nn/tensor/node"');
  });

  it("says why where the kernels' memory is not shared (a browser page that is not cross-origin isolated)", () => {
    const ordinary = loadWasmRuntime({ shared: false });
    expect(ordinary?.shared).toBe(false);
    const why = /^setThreads: worker threads cannot share the wasm kernels' memory here: .*crossOriginIsolated === true.*Cross-Origin-Opener-Policy: same-origin.*Cross-Origin-Embedder-Policy: require-corp/;
    expect(() => applyThreads(ordinary, 2, { workers: nodeWorkers })).toThrow(why);
    // a page that is not isolated (Chromium still makes a shared memory there, but cannot post it)
    vi.stubGlobal("crossOriginIsolated", false);
    expect(() => setThreads(2, { workers: nodeWorkers })).toThrow(why);
    vi.unstubAllGlobals();
    expect(() => applyThreads(null, 2, { workers: nodeWorkers })).toThrow("setThreads: this engine has no WebAssembly SIMD");
  });

  it("refuses on a thread that may not block (a browser's main thread, where Atomics.wait throws)", () => {
    vi.spyOn(Atomics, "wait").mockImplementation(() => {
      throw new TypeError("Atomics.wait cannot be called in this context");
    });
    expect(() => setThreads(2, { workers: nodeWorkers })).toThrow("setThreads: this thread cannot block in Atomics.wait (a browser's main thread): call setThreads and train inside a Web Worker");
  });

  it("rejects with the reason when a worker cannot start, and computes on the calling thread meanwhile", async () => {
    const broken: WorkerHost = {
      available: 2,
      spawn: (_init, onMessage) => {
        queueMicrotask(() => onMessage({ failed: "CompileError: no SIMD here" }));
        return { stop: () => undefined };
      },
    };
    await expect(setThreads(2, { workers: broken })).rejects.toThrow("setThreads: worker thread 1 could not start: CompileError: no SIMD here");
    const m = 200, n = 150, k = 100, a = random(m * k, 5), b = random(k * n, 6), out = new Float32Array(m * n), ref = new Float32Array(m * n);
    kernels().matmul(a, b, out, m, n, k, false, false);
    await setThreads(1);
    kernels().matmul(a, b, ref, m, n, k, false, false);
    expect(out.every((v, i) => Object.is(v, ref[i]))).toBe(true);
  });
});

describe("a failing chunk", () => {
  it("throws on the calling thread (naming the worker's error when a worker had it), and the pool stays usable", async () => {
    const runtime = loadWasmRuntime()!;
    const pool = new GemmPool(runtime.memory, nodeWorkers, 2);
    await pool.ready;
    try {
      const m = 400, n = 100, k = 100; // rows: 4 chunks of 100 rows; C placed so that every chunk runs past the memory's end
      runtime.f32(m * n * 4 + 200_000);
      const c = runtime.memory.buffer.byteLength - 10 * n * 4;
      expect(pool.chunksFor(m, n, k)).toBe(4);
      for (let attempt = 0; attempt < 5; attempt++) {
        expect(() => pool.gemm(4, 0, 0, c, m, n, k, 0, 0, 0, 0, 0, 16_384, 120_000, 0, 200_000, 0)).toThrow(
          /^(matmul: a worker thread failed on its block of the 400×100·100×100 product: RuntimeError: )?memory access out of bounds$/,
        );
      }
      // the same pool then computes a product in bounds, with the bits of one thread
      const a = random(m * k, 8), b = random(k * n, 9), threaded = new Float32Array(m * n), single = new Float32Array(m * n);
      const matmul = createWasmMatmul(runtime, jsKernels.matmul.bind(jsKernels));
      runtime.threads = pool;
      matmul(a, b, threaded, m, n, k, false, false);
      runtime.threads = null;
      matmul(a, b, single, m, n, k, false, false);
      expect(threaded.every((v, i) => Object.is(v, single[i]))).toBe(true);
    } finally {
      await pool.stop();
    }
  });
});

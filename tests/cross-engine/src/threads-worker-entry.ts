// The Web Worker of the threads page (run-threads-page.ts): float32 products at 1 thread, then at
// 2 threads through the browser's own Worker host, compared bit for bit; the result goes back to
// the page, which posts it to the test's server.
import { createRng, kernels, setThreads, threadCount } from "@nn/tensor";

export interface ThreadsWorkerResult {
  readonly crossOriginIsolated: boolean | undefined;
  readonly threads?: number;
  /** Products (shape, transposes, epilogue) whose 2-thread result differs in any bit from 1 thread. */
  readonly differing?: readonly string[];
  readonly products?: number;
  readonly error?: string;
}

interface WorkerScope {
  crossOriginIsolated?: boolean;
  onmessage: (() => void) | null;
  postMessage(message: ThreadsWorkerResult): void;
}

function random(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

const shapes: Array<[number, number, number]> = [[300, 200, 256], [101, 103, 107], [64, 32, 1000], [7, 1031, 300], [128, 784, 256]];

function products(): Float32Array[] {
  const results: Float32Array[] = [];
  for (const [m, n, k] of shapes) {
    for (const [transA, transB] of [[false, false], [true, false], [false, true]] as const) {
      const a = random(m * k, m + k), b = random(k * n, n + 2 * k), bias = random(n, n), out = random(m * n, m * n);
      kernels().matmul(a, b, out, m, n, k, transA, transB, true, bias, true);
      results.push(out);
    }
  }
  return results;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = () => {
  void (async () => {
    try {
      const one = products();
      await setThreads(2);
      const two = products();
      const threads = threadCount();
      await setThreads(1);
      const differing = one.flatMap((expected, i) => (expected.every((v, j) => Object.is(v, two[i][j])) ? [] : [`product ${i}`]));
      scope.postMessage({ crossOriginIsolated: scope.crossOriginIsolated, threads, differing, products: one.length });
    } catch (error) {
      scope.postMessage({ crossOriginIsolated: scope.crossOriginIsolated, error: error instanceof Error ? error.message : String(error) });
    }
  })();
};

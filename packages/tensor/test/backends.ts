import { type Kernels, jsKernels, kernels, setKernels, wasmKernels } from "../src/index.js";
import { afterAll, beforeAll } from "vitest";

/**
 * Every backend the op suites run against. A new backend (WebAssembly SIMD) adds itself here and
 * the whole suite runs once more with it active.
 */
export const backends: Kernels[] = wasmKernels === null ? [jsKernels] : [jsKernels, wasmKernels];

/** Call inside `describe.each(backends)` so the suite's ops dispatch to `backend`. */
export function useBackend(backend: Kernels): void {
  let previous: Kernels | undefined;
  beforeAll(() => {
    previous = kernels();
    setKernels(backend);
  });
  afterAll(() => {
    if (previous !== undefined) setKernels(previous);
  });
}

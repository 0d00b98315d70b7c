import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as TF from "@tensorflow/tfjs";

export type Tfjs = typeof TF;
export type TfjsBackend = "cpu" | "wasm";

const require = createRequire(import.meta.url);

/**
 * TensorFlow.js with its cpu backend and its WebAssembly backend (XNNPACK, SIMD) registered in
 * one engine. The wasm backend is pinned to one thread, like every other row of the table.
 */
export async function loadTfjs(): Promise<Tfjs> {
  // tfjs greets Node users with a hint to install tfjs-node; keep the bench output clean.
  const warn = console.warn;
  console.warn = () => {};
  let tf: Tfjs;
  try {
    tf = require("@tensorflow/tfjs") as Tfjs;
    const wasm = require("@tensorflow/tfjs-backend-wasm") as typeof import("@tensorflow/tfjs-backend-wasm");
    const dist = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/";
    wasm.setWasmPaths(dist);
    wasm.setThreadsCount(1);
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    tf.env().set("WASM_HAS_SIMD_SUPPORT", true);
    await tf.setBackend("wasm");
    await tf.setBackend("cpu");
    tf.tensor1d([0]).dispose(); // the cpu backend prints its hint on the first tensor it stores
  } finally {
    console.warn = warn;
  }
  return tf;
}

/** Makes `backend` the active one (tensors created elsewhere migrate on first use, untimed). */
export async function useTfjsBackend(tf: Tfjs, backend: TfjsBackend): Promise<void> {
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
}

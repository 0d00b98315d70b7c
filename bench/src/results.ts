/** One implementation's figure for one workload. */
export interface ImplResult {
  readonly impl: string;
  /** Throughput in the workload's unit (higher is better). */
  readonly value: number;
  /** The final loss (training) or the relative difference from nn's product (matmul). */
  readonly check: number;
  /** Whether `check` agrees with nn within the workload's tolerance. */
  readonly agrees: boolean;
}

export interface WorkloadResult {
  readonly workload: string;
  readonly unit: "samples/s" | "GFLOP/s";
  readonly results: readonly ImplResult[];
}

import type { RelaxedSimdRow } from "./workloads/relaxed-simd.js";
import type { ThreadsRow } from "./workloads/threads.js";
import type { ElementaryCostRow } from "./elementary-cost/elementary-cost.js";
import type { AutogradCostRow } from "./workloads/autograd-cost.js";

export interface BenchReport {
  readonly date: string;
  readonly quick: boolean;
  readonly clock: "cpu" | "wall";
  readonly node: string;
  readonly numpy: string | null;
  readonly workloads: readonly WorkloadResult[];
  /** The own elementary functions against Math.* on the same training steps (absent in older results). */
  readonly elementaryCost?: readonly ElementaryCostRow[];
  /** The seed MLP by layers and by @nn/autograd per batch size, dtype and backend (absent in older results). */
  readonly autogradCost?: readonly AutogradCostRow[];
  /** The opt-in relaxed-SIMD product against the default wasm backend (empty where unavailable). */
  readonly relaxedSimd?: readonly RelaxedSimdRow[];
  /** nn and NumPy at 1 and 2 threads, wall time (absent in older results; empty where the machine has one thread). */
  readonly threads?: readonly ThreadsRow[];
}

/** The implementations in table order; NumPy only when it ran. */
export const IMPLEMENTATIONS = ["nn", "nn autograd", "tfjs cpu", "tfjs wasm", "numpy"] as const;

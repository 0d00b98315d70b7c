import { relativeMaxDifference } from "../agreement.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HostProcess } from "../isolated/host-process.js";
import { type MatmulCase, flopsOf } from "../matmul-case.js";
import { readFloat32File } from "../raw-float32.js";
import type { WorkloadResult } from "../results.js";
import { WARMUP_SECONDS } from "./training-workload.js";
import { type Clock, interleaveSamplers } from "../timing.js";

/** Products from different libraries agree to float32 rounding, relative to the largest entry. */
export const PRODUCT_TOLERANCE = 1e-4;

export interface MatmulTiming {
  readonly warmup: number;
  readonly rounds: number;
  /** Each sample repeats the product until it lasts about this long. */
  readonly targetSeconds: number;
  /** Seconds each implementation first repeats the product, so its code is compiled before timing (full runs). */
  readonly warmupSeconds?: number;
  readonly clock?: Clock;
}

export function w3Timing(quick: boolean): MatmulTiming {
  return quick ? { warmup: 1, rounds: 3, targetSeconds: 0.02 } : { warmup: 2, rounds: 9, targetSeconds: 0.1, warmupSeconds: WARMUP_SECONDS };
}

/**
 * Interleaves the implementations of one product, each in its own process (`hosts`: nn, tfjs
 * cpu, tfjs wasm, NumPy), each sample repeating the product as often as its own calibration
 * says; GFLOP/s and every result against nn's. Closes the hosts.
 */
export async function runMatmulCase(c: MatmulCase, timing: MatmulTiming, hosts: readonly HostProcess[]): Promise<WorkloadResult> {
  const dir = mkdtempSync(join(tmpdir(), "nn-bench-product-"));
  try {
    const units: number[] = [];
    const warmupSeconds = timing.warmupSeconds ?? 0;
    for (const host of hosts) {
      if (warmupSeconds > 0) await host.warm(warmupSeconds);
      units.push(await host.calibrate(timing.targetSeconds));
    }
    const seconds = await interleaveSamplers(hosts, { warmup: timing.warmup, rounds: timing.rounds, unitsPerSample: units });
    const results: Float32Array[] = [];
    for (const [i, host] of hosts.entries()) {
      const path = join(dir, `result-${i}.f32`);
      await host.result(path);
      results.push(readFloat32File(path));
    }
    return {
      workload: `W3 ${c.name}`,
      unit: "GFLOP/s",
      results: hosts.map((h, i) => {
        const diff = relativeMaxDifference(results[0], results[i]);
        return { impl: h.name, value: flopsOf(c) / seconds[i] / 1e9, check: diff, agrees: diff <= PRODUCT_TOLERANCE };
      }),
    };
  } finally {
    await Promise.all(hosts.map((h) => h.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

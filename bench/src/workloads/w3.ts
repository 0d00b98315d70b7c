import { relativeMaxDifference } from "../agreement.js";
import { nnProduct, tfjsProduct } from "../impl/matmul-impls.js";
import type { Tfjs } from "../impl/tfjs-loader.js";
import { type MatmulCase, flopsOf } from "../matmul-case.js";
import type { WorkloadResult } from "../results.js";
import { type Clock, calibrate, interleave } from "../timing.js";

/** Products from different libraries agree to float32 rounding, relative to the largest entry. */
export const PRODUCT_TOLERANCE = 1e-4;

export interface MatmulTiming {
  readonly warmup: number;
  readonly rounds: number;
  /** Each sample repeats the product until it lasts about this long. */
  readonly targetSeconds: number;
  readonly clock?: Clock;
}

export function w3Timing(quick: boolean): MatmulTiming {
  return quick ? { warmup: 1, rounds: 3, targetSeconds: 0.02 } : { warmup: 2, rounds: 5, targetSeconds: 0.1 };
}

/** Interleaves nn, tfjs cpu and tfjs wasm on one product; GFLOP/s and the cross-check. */
export async function runMatmulCase(tf: Tfjs, c: MatmulCase, timing: MatmulTiming, extra: ReadonlyArray<{ impl: string; secondsPerUnit: number; result: Float32Array }> = []): Promise<WorkloadResult> {
  const tfjs = [await tfjsProduct(tf, "cpu", c), await tfjsProduct(tf, "wasm", c)];
  const impls = [nnProduct(c), ...tfjs];
  const units: number[] = [];
  for (const impl of impls) units.push(await calibrate(impl, timing.targetSeconds, timing.clock));
  const seconds = await interleave(impls, { warmup: timing.warmup, rounds: timing.rounds, unitsPerSample: units, clock: timing.clock });
  const reference = impls[0].result().slice();
  const all: Array<{ impl: string; secondsPerUnit: number; result: Float32Array }> = [];
  for (let i = 0; i < impls.length; i++) {
    await impls[i].prepare?.();
    all.push({ impl: impls[i].name, secondsPerUnit: seconds[i], result: impls[i].result() });
  }
  all.push(...extra);
  for (const impl of tfjs) impl.dispose();
  return {
    workload: `W3 ${c.name}`,
    unit: "GFLOP/s",
    results: all.map((r) => {
      const diff = relativeMaxDifference(reference, r.result);
      return { impl: r.impl, value: flopsOf(c) / r.secondsPerUnit / 1e9, check: diff, agrees: diff <= PRODUCT_TOLERANCE };
    }),
  };
}

/**
 * An optional cache of a study's raw result (`NN_EXPERIMENTS_CACHE=<dir>`), for rewriting reports
 * without retraining: when `<dir>/<full|quick>-<id>.json` exists the runner reads the result from
 * it instead of running the study, otherwise it runs the study and stores the result there. The
 * file keeps every number exactly (shortest round-trip decimals; NaN and ±Infinity spelled out), so
 * a report written from the cache is byte-identical to one written right after the run. A cached
 * result is only valid for the code that made it: delete the folder after changing a study's run().
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./write-files.js";

const SPECIAL: Record<string, number> = { "\u0000NaN": NaN, "\u0000Infinity": Infinity, "\u0000-Infinity": -Infinity };

export function encodeResult(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? `\u0000${String(v)}` : v));
}

export function decodeResult<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => (typeof v === "string" && v in SPECIAL ? SPECIAL[v] : v)) as T;
}

export function cachePath(dir: string, id: string, quick: boolean): string {
  return join(dir, `${quick ? "quick" : "full"}-${id}.json`);
}

/** The result and the seconds `run` took (when read from the cache: the seconds of the run that made it). */
export async function cachedRun<T>(dir: string | undefined, id: string, quick: boolean, run: () => T, clock: () => number): Promise<{ result: T; seconds: number }> {
  const timed = (): { result: T; seconds: number } => {
    const t0 = clock();
    const result = run();
    return { result, seconds: (clock() - t0) / 1000 };
  };
  if (dir === undefined || dir === "") return timed();
  const path = cachePath(dir, id, quick);
  if (existsSync(path)) return decodeResult<{ result: T; seconds: number }>(readFileSync(path, "utf8"));
  const out = timed();
  await writeFileAtomic(path, encodeResult(out));
  return out;
}

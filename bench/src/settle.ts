import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, if the engine lets us ask for one: run before each timed sample so
 * the garbage one implementation left behind (TensorFlow.js makes plenty) is not collected, and
 * billed, while the next one is being timed. Node exposes `gc` only behind `--expose-gc`; the
 * flag can be set at run time, and a fresh context then sees the function.
 */
export function settle(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

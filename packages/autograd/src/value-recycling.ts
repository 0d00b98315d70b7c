import type { Variable } from "./variable.js";

/**
 * The intermediate results of the graph the last `backward()` freed. Their pooled values are not
 * recycled at once but at the next `backward()`: a training loop commonly reads its logits or
 * predictions after the step (accuracy, a log line), and that keeps working. Two graphs' values
 * are then in use at a time, and a loop that builds the same graph every step reuses them
 * instead of allocating.
 */
let waiting: Variable[] = [];

/** Recycles the values left waiting by the previous freed graph (those nobody read meanwhile). */
export function recycleWaitingValues(): void {
  const list = waiting;
  waiting = [];
  for (const v of list) v.recycle();
}

/** Leaves the values of a graph just freed to be recycled by the next `backward()`. */
export function awaitRecycling(intermediates: Iterable<Variable>): void {
  for (const v of intermediates) waiting.push(v);
}

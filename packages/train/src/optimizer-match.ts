import type { TrainOptimizer, TrainParameter } from "./types.js";

/**
 * An optimizer built for another model (or for a copy made with `cast`) steps tensors the model
 * never reads, so training would run, report a loss and change nothing. Optimizers that list their
 * parameters (`params`, as @nn/optim's do) are checked: each must be one of the model's, by its
 * value tensor. The model may have more (frozen layers are left out on purpose).
 */
export function checkOptimizerParameters(optimizer: TrainOptimizer, params: readonly TrainParameter[], where: string): void {
  const listed: unknown = (optimizer as { params?: unknown }).params;
  if (!Array.isArray(listed)) return;
  const own = new Set(params.map((p) => p.value));
  const foreign = (listed as TrainParameter[]).filter((p) => !own.has(p.value));
  if (foreign.length === 0) return;
  const names = foreign.slice(0, 3).map((p) => JSON.stringify(p.name)).join(", ") + (foreign.length > 3 ? ", …" : "");
  const all = foreign.length === listed.length;
  throw new TypeError(
    `${where}: ${all ? "none" : `${foreign.length} of ${listed.length}`} of the optimizer's parameters ${all ? "is" : "are not"} the model's ` +
      `(${names}); build the optimizer from this model: new SGD(model.parameters(), …)`,
  );
}

import type { DType } from "@nn/tensor";
import { ModelFileError } from "../errors.js";
import type { JsonObject } from "../json.js";
import { readArray } from "./fields.js";
import { checkEncodedTensor } from "./tensor-codec.js";

/** A tensor a layer's config says it holds: `weight` of Dense(2→8) is float32 [2, 8]. */
export interface DeclaredWeight {
  readonly name: string;
  readonly dtype: DType;
  readonly shape: readonly number[];
}

/** A layer nested in a container's config, and the key its weights are named under (`block`, `layers.2`). */
export interface NestedSpec {
  readonly key: string;
  readonly spec: unknown;
  readonly path: string;
}

/** What a layer's config declares: its own tensors and the layers nested in it. */
export interface WeightDeclaration {
  readonly own: readonly DeclaredWeight[];
  readonly nested?: readonly NestedSpec[];
}

/**
 * Reads a config (validating every size in it, as the layer's factory does) and lists the tensors
 * the layer would hold, without constructing it. Registered beside each layer's factory.
 */
export type DeclareWeights = (config: JsonObject, path: string) => WeightDeclaration;

/** A layer spec with its type looked up: what both planning and building start from. */
export interface ResolvedSpec {
  readonly type: string;
  readonly config: JsonObject;
  readonly declare: DeclareWeights | undefined;
}

/** The tensors a whole architecture declares, by full state-dict name. */
export interface WeightPlan {
  readonly declared: ReadonlyMap<string, DeclaredWeight>;
  /** Name prefixes of layers registered without a declaration: their weights are checked after building. */
  readonly unplanned: readonly string[];
}

/**
 * Walks the layer specs of a model file (iteratively: nesting depth costs no stack) and collects
 * every tensor they declare, with its full name (`layers.1.block.weight`).
 */
export function planWeights(layers: unknown, path: string, resolve: (spec: unknown, path: string) => ResolvedSpec): WeightPlan {
  const declared = new Map<string, DeclaredWeight>();
  const unplanned: string[] = [];
  const pending: { spec: unknown; path: string; prefix: string }[] = readArray(layers, path)
    .map((spec, i) => ({ spec, path: `${path}[${i}]`, prefix: `layers.${i}.` }))
    .reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { config, declare } = resolve(next.spec, next.path);
    if (declare === undefined) {
      unplanned.push(next.prefix);
      continue;
    }
    const declaration = declare(config, `${next.path}.config`);
    for (const w of declaration.own) declared.set(next.prefix + w.name, { ...w, name: next.prefix + w.name });
    const nested = declaration.nested ?? [];
    for (let i = nested.length - 1; i >= 0; i--) {
      pending.push({ spec: nested[i].spec, path: nested[i].path, prefix: `${next.prefix}${nested[i].key}.` });
    }
  }
  return { declared, unplanned };
}

/**
 * Checks the file's weights against the plan before any layer exists: every declared tensor is
 * present with its dtype, shape and byte count, and nothing else is. A file that claims a layer
 * far larger than the bytes it carries is refused here, in time proportional to its length.
 */
export function checkPlannedWeights(plan: WeightPlan, weights: JsonObject): void {
  for (const [name, w] of plan.declared) {
    const path = `weights[${JSON.stringify(name)}]`;
    if (!Object.hasOwn(weights, name)) throw new ModelFileError(path, "is missing");
    checkEncodedTensor(weights[name], path, w.dtype, w.shape);
  }
  for (const key of Object.keys(weights)) {
    if (plan.declared.has(key) || plan.unplanned.some((prefix) => key.startsWith(prefix))) continue;
    throw new ModelFileError(`weights[${JSON.stringify(key)}]`, "is not a parameter or buffer of this architecture (wrong weight count)");
  }
}

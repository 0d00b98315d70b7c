import { Tensor, elementary, allocate } from "@nn/tensor";

/** An input the network can be fed, computed from the two raw coordinates (x₁, x₂) of a 2-D set. */
export interface FeatureSpec {
  /** As written in flags and URLs. */
  readonly name: string;
  /** As shown on screen. */
  readonly label: string;
  readonly compute: (x1: number, x2: number) => number;
}

/** The Playground's inputs. */
export const FEATURES = [
  { name: "x1", label: "x₁", compute: (x1: number) => x1 },
  { name: "x2", label: "x₂", compute: (_x1: number, x2: number) => x2 },
  { name: "x1sq", label: "x₁²", compute: (x1: number) => x1 * x1 },
  { name: "x2sq", label: "x₂²", compute: (_x1: number, x2: number) => x2 * x2 },
  { name: "x1x2", label: "x₁x₂", compute: (x1: number, x2: number) => x1 * x2 },
  { name: "sinx1", label: "sin x₁", compute: (x1: number) => elementary.sin(x1) },
  { name: "sinx2", label: "sin x₂", compute: (_x1: number, x2: number) => elementary.sin(x2) },
] as const satisfies readonly FeatureSpec[];

export type FeatureName = (typeof FEATURES)[number]["name"];

/** The features are the raw coordinates themselves: nothing to compute. */
export function isIdentityFeatures(names: readonly FeatureName[]): boolean {
  return names.length === 2 && names[0] === "x1" && names[1] === "x2";
}

export function featureLabel(name: FeatureName): string {
  return FEATURES.find((f) => f.name === name)?.label ?? name;
}

/** [n, 2] raw coordinates → [n, features.length] inputs, in the order `names` lists them (same dtype). */
export function expandFeatures(x: Tensor, names: readonly FeatureName[]): Tensor {
  if (x.shape.length !== 2 || x.shape[1] !== 2) {
    throw new RangeError(`expandFeatures: input features need 2-D data ([n, 2]), got [${x.shape.join(", ")}]`);
  }
  const specs = names.map((name) => {
    const spec = FEATURES.find((f) => f.name === name);
    if (spec === undefined) throw new RangeError(`expandFeatures: unknown feature "${name}" (known: ${FEATURES.map((f) => f.name).join(", ")})`);
    return spec.compute;
  });
  const n = x.shape[0];
  const k = specs.length;
  const src = x.data;
  const out = allocate(x.dtype, n * k);
  for (let i = 0; i < n; i++) {
    const x1 = src[2 * i], x2 = src[2 * i + 1];
    for (let j = 0; j < k; j++) out[i * k + j] = specs[j](x1, x2);
  }
  return new Tensor(out, [n, k]);
}

// Which classes a module exports, what each is (layer, loss, other gradient, or none), and which
// of them lack a gradcheck case. Kept apart from the test so it can be run on a made-up module.

export type Kind = "layer" | "loss" | "gradient" | "other";
type Class = abstract new (...args: never[]) => unknown;

export function isClass(value: unknown): value is Class {
  return typeof value === "function" && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

/** A layer has forward, backward and parameters; a loss forward and backward; anything else with a backward is a gradient too. */
export function kindOf(cls: Class): Kind {
  const proto = cls.prototype as Record<string, unknown>;
  const has = (m: string): boolean => typeof proto[m] === "function";
  if (has("forward") && has("backward") && has("parameters")) return "layer";
  if (has("forward") && has("backward")) return "loss";
  if (has("backward")) return "gradient";
  return "other";
}

export interface Coverage {
  /** Exported classes with a gradient that gradcheck must cover (abstract bases excluded). */
  needCases: string[];
  /** Of those, the ones without a case, as `Name (kind)`. */
  missing: string[];
  /** Gradient-free classes not in the allowlist. */
  unknown: string[];
  /** Cases or allowlist entries naming something no longer exported. */
  stale: string[];
  /** Abstract bases with no exported subclass, or with subclasses that lack a case. */
  uncoveredAbstract: string[];
}

export function coverage(
  module: Record<string, unknown>, cases: Record<string, unknown>, noGradient: Record<string, string>, abstractBases: Record<string, string>,
): Coverage {
  const classes = Object.entries(module).filter((e): e is [string, Class] => isClass(e[1]));
  const needCases = classes.filter(([name, cls]) => kindOf(cls) !== "other" && !(name in abstractBases));
  const uncoveredAbstract: string[] = [];
  for (const name of Object.keys(abstractBases)) {
    const base = module[name];
    if (!isClass(base)) continue;
    const subs = classes.filter(([, cls]) => Object.prototype.isPrototypeOf.call(base.prototype, cls.prototype)).map(([sub]) => sub);
    if (subs.length === 0) uncoveredAbstract.push(`${name} (no exported subclass)`);
    for (const sub of subs) {
      const cls = module[sub];
      if (!(sub in cases) && !classes.some(([other, c]) => c === cls && other in cases)) uncoveredAbstract.push(`${name} → ${sub}`);
    }
  }
  return {
    needCases: needCases.map(([name]) => name),
    // A deprecated alias is the same class under its old name: the class's case covers it.
    missing: needCases.filter(([name, cls]) => !(name in cases) && !classes.some(([other, c]) => c === cls && other in cases)).map(([name, cls]) => `${name} (${kindOf(cls)})`),
    unknown: classes.filter(([name, cls]) => kindOf(cls) === "other" && !(name in noGradient)).map(([name]) => name),
    stale: [...Object.keys(cases), ...Object.keys(noGradient), ...Object.keys(abstractBases)].filter((name) => !(name in module)),
    uncoveredAbstract,
  };
}

import { closestName } from "@nn/tensor";

/** ` (did you mean moons?)` for a mistyped name, or "" when nothing is close (same rule as the library's option keys). */
export function suggestName(given: string, names: readonly string[], prefix = ""): string {
  const match = closestName(given, names);
  return match === undefined ? "" : ` (did you mean ${prefix}${match}?)`;
}

import type { ScenarioHashes } from "./scenario.js";

export interface HashComparison {
  /** Items whose hashes differ (or that one engine lacks), sorted. */
  differing: string[];
  /** Items whose hashes are equal, sorted. */
  agreeing: string[];
}

/** Item-by-item comparison of two engines' scenario hashes. */
export function compareHashes(a: ScenarioHashes, b: ScenarioHashes): HashComparison {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differing = names.filter((name) => a[name] === undefined || a[name] !== b[name]);
  const agreeing = names.filter((name) => a[name] !== undefined && a[name] === b[name]);
  return { differing, agreeing };
}

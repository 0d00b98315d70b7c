// One notion of "probably a typo" for the whole toolkit: option keys, CLI commands, flags and
// data set names all suggest their correction through `closestName`.

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * adjacent characters each cost 1, so `trian` is 1 away from `train` (plain Levenshtein says 2).
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rows of the dynamic-programming table: the swap rule looks two rows back.
  let before = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[m];
}

/**
 * The candidate `name` was most likely meant to be, or undefined when none is close. Case is
 * ignored; a candidate is close when at most about a third of the name's characters differ, or
 * when one is a prefix of the other (`dataset` → `data`). Ties go to the earlier candidate.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  if (wanted.length === 0) return undefined;
  const limit = Math.max(1, Math.ceil(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const shorter = Math.min(wanted.length, lower.length);
    const prefix = shorter >= 3 && (lower.startsWith(wanted) || wanted.startsWith(lower));
    if ((distance <= limit || prefix) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` when a candidate is close to `name`, else the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>, quote = '"'): string {
  const match = closestName(name, candidates);
  return match === undefined ? "" : ` (did you mean ${quote}${match}${quote}?)`;
}

/**
 * Known engine differences awaiting issue 16's own functions: items that differ between Node and a
 * browser because their float64 path calls `Math.exp` & co., whose last bits differ between
 * engines. One list per browser, each against Node 20. Empty since every library package calls
 * `@nn/tensor`'s own elementary functions: the guarantee holds for everything the scenario covers.
 * Keep them empty; the suite fails when an unlisted item differs, and when a listed item agrees.
 */
const CHROMIUM: readonly string[] = [];

const FIREFOX: readonly string[] = [];

export const KNOWN_ENGINE_DIFFERENCES_AWAITING_ISSUE_16 = { chromium: CHROMIUM, firefox: FIREFOX } as const;

/**
 * Verdicts computed from paired tests. A claim is split into contrasts, each a paired comparison
 * over seeds with what the claim expects of it; each contrast is decided at α = 0.05 (Holm's
 * correction over the directional contrasts of one verdict, so testing more contrasts does not make
 * "supported" easier), and the verdict is "supported" only when every contrast is.
 *
 * - `greater` / `less`: the mean difference b − a must be significantly above / below 0. A
 *   significant difference the other way makes it "not supported"; anything else "inconclusive".
 * - `within` (equivalence, margin m): the 95 % interval must lie inside (−m, m) → supported;
 *   entirely outside → not supported; otherwise inconclusive.
 * - `not-below` (non-inferiority, margin m): the interval's lower end must be above −m → supported;
 *   its upper end below −m → not supported; otherwise inconclusive.
 */
import { elementary } from "@nn/tensor";
import { compact, fixed } from "./format.js";
import type { PairedTest } from "./stats.js";

export type Verdict = "supported" | "not supported" | "inconclusive";

export type Expectation =
  | { kind: "greater" }
  | { kind: "less" }
  | { kind: "within"; margin: number }
  | { kind: "not-below"; margin: number };

/** How a difference prints: a plain difference, percentage points (×100), or a ratio (the test ran on natural logs). */
export type DiffScale = "difference" | "points" | "ratio";

export interface Contrast {
  /** "sigmoid vs ReLU: epochs to loss ≤ 0.25" — b against a, in that order. */
  label: string;
  test: PairedTest;
  expect: Expectation;
  scale: DiffScale;
  /** Decimals of the printed difference (default 3; 1 for points). */
  digits?: number;
}

export interface DecidedContrast extends Contrast {
  /** Holm-adjusted p (directional contrasts); the raw p for interval-based ones. */
  pAdjusted: number;
  outcome: Verdict;
}

export const ALPHA = 0.05;

/** Holm's step-down adjustment: the k-th smallest p is multiplied by (m − k + 1), made monotone, capped at 1. */
export function holmAdjust(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => ({ p: Number.isNaN(p) ? 1 : p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
  const out = new Array<number>(ps.length).fill(NaN);
  let running = 0;
  order.forEach(({ p, i }, k) => {
    running = Math.max(running, Math.min(1, (ps.length - k) * p));
    out[i] = Number.isNaN(ps[i]) ? NaN : running;
  });
  return out;
}

function decideOne(c: Contrast, pAdjusted: number): Verdict {
  const { diff, lo, hi } = c.test;
  switch (c.expect.kind) {
    case "greater":
    case "less": {
      if (!(pAdjusted < ALPHA)) return "inconclusive";
      const up = diff > 0;
      return up === (c.expect.kind === "greater") ? "supported" : "not supported";
    }
    case "within": {
      const m = c.expect.margin;
      if (lo > -m && hi < m) return "supported";
      if (hi < -m || lo > m) return "not supported";
      return "inconclusive";
    }
    case "not-below": {
      const m = c.expect.margin;
      if (lo > -m) return "supported";
      if (hi < -m) return "not supported";
      return "inconclusive";
    }
  }
}

/** Decides every contrast (Holm over the directional ones). */
export function decideContrasts(contrasts: readonly Contrast[]): DecidedContrast[] {
  const directional = contrasts.map((c, i) => ({ c, i })).filter(({ c }) => c.expect.kind === "greater" || c.expect.kind === "less");
  const adjusted = holmAdjust(directional.map(({ c }) => c.test.p));
  const pAdj = contrasts.map((c) => c.test.p);
  directional.forEach(({ i }, k) => { pAdj[i] = adjusted[k]; });
  return contrasts.map((c, i) => ({ ...c, pAdjusted: pAdj[i], outcome: decideOne(c, pAdj[i]) }));
}

export interface Decision {
  verdict: Verdict;
  /** Why, in one sentence: which contrasts failed or were inconclusive. */
  reason: string;
  contrasts: DecidedContrast[];
}

/** Supported when every contrast is; not supported when any goes against the claim; otherwise inconclusive. */
export function decide(contrasts: readonly Contrast[]): Decision {
  const decided = decideContrasts(contrasts);
  const against = decided.filter((c) => c.outcome === "not supported");
  const open = decided.filter((c) => c.outcome === "inconclusive");
  if (against.length > 0) {
    return { verdict: "not supported", reason: `against the claim: ${listSome(against)}`, contrasts: decided };
  }
  if (open.length > 0) {
    return { verdict: "inconclusive", reason: `not shown at α = ${ALPHA}: ${listSome(open)}`, contrasts: decided };
  }
  return { verdict: "supported", reason: `all ${decided.length} contrasts hold at α = ${ALPHA}${directionalCount(decided) > 1 ? " (Holm-corrected)" : ""}`, contrasts: decided };
}

/** The first three contrasts described, then how many more (the report's table has them all). */
function listSome(cs: readonly DecidedContrast[]): string {
  const shown = cs.slice(0, 3).map(describe).join("; ");
  return cs.length > 3 ? `${shown}; and ${cs.length - 3} more (see the Tests table)` : shown;
}

function directionalCount(cs: readonly Contrast[]): number {
  return cs.filter((c) => c.expect.kind === "greater" || c.expect.kind === "less").length;
}

/** "sigmoid vs ReLU: epochs to loss ≤ 0.25 (+120 [80, 160], p = 0.002)". */
export function describe(c: DecidedContrast): string {
  const p = formatP(c.pAdjusted);
  return `${c.label} (${formatDiff(c)}${c.expect.kind === "greater" || c.expect.kind === "less" ? `, p ${p.startsWith("<") ? p : `= ${p}`}` : ""})`;
}

/** The difference with its 95 % interval: "+1.9 [0.7, 3.1]" or, for ratios, "×0.52 [0.40, 0.68]". */
export function formatDiff(c: Contrast): string {
  const { diff, lo, hi } = c.test;
  const digits = c.digits ?? (c.scale === "points" ? 1 : 3);
  if (c.scale === "ratio") {
    const f = (v: number): string => compactRatio(ratioOf(v), digits);
    return `×${f(diff)} [${f(lo)}, ${f(hi)}]`;
  }
  const k = c.scale === "points" ? 100 : 1;
  const f = (v: number): string => signed(k * v, digits);
  return `${f(diff)} [${f(lo)}, ${f(hi)}]`;
}

/** "0.007", "< 0.001", "—". */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return "—";
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}

function ratioOf(logDiff: number): number {
  return Number.isFinite(logDiff) ? elementary.exp(logDiff) : NaN;
}

function compactRatio(v: number, digits: number): string {
  return compact(v, digits);
}

function signed(v: number, digits: number): string {
  const s = fixed(v, digits);
  return v > 0 && s !== fixed(0, digits) ? `+${s}` : s;
}

/** A Markdown table of decided contrasts: what is compared, the difference and interval, p, Holm p, outcome. */
export function contrastRows(decided: readonly DecidedContrast[]): string[][] {
  return decided.map((c) => [
    c.label,
    expectationText(c),
    formatDiff(c),
    formatP(c.test.p),
    c.expect.kind === "greater" || c.expect.kind === "less" ? formatP(c.pAdjusted) : "—",
    `${c.test.n}${c.test.n < c.test.of ? ` of ${c.test.of}` : ""}`,
    c.outcome,
  ]);
}

export const CONTRAST_HEADERS = ["contrast (b vs a)", "claim expects", "b − a [95 % CI]", "p", "p (Holm)", "pairs", "outcome"];

function expectationText(c: Contrast): string {
  if (c.scale === "ratio" && (c.expect.kind === "within" || c.expect.kind === "not-below")) {
    const f = compact(elementary.exp(c.expect.margin), 3);
    return c.expect.kind === "within" ? `ratio within ×1/${f} … ×${f}` : `ratio > ×1/${f}`;
  }
  const unit = c.scale === "points" ? " points" : "";
  const k = c.scale === "points" ? 100 : 1;
  switch (c.expect.kind) {
    case "greater": return c.scale === "ratio" ? "ratio > 1" : "b > a";
    case "less": return c.scale === "ratio" ? "ratio < 1" : "b < a";
    case "within": return `|b − a| < ${fixed(k * c.expect.margin, c.scale === "points" ? 0 : 3)}${unit}`;
    case "not-below": return `b − a > −${fixed(k * c.expect.margin, c.scale === "points" ? 0 : 3)}${unit}`;
  }
}

/**
 * Axis scales and tick positions. A linear axis gets "nice" ticks (1, 2 or 5 times a power of
 * ten); a log axis gets ticks at powers of ten (and 2× and 5× when it spans under two decades).
 */
import { elementary } from "@nn/tensor";
import { fixed, scientific } from "../format.js";

export interface Scale {
  /** Data value → pixel. */
  map(v: number): number;
  ticks: readonly Tick[];
  domain: readonly [number, number];
}

export interface Tick {
  value: number;
  label: string;
}

/** The step of about `count` intervals over `span`: 1, 2 or 5 × 10^k. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = elementary.pow(10, Math.floor(elementary.log10(raw)));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

function decimalsFor(step: number): number {
  return Math.max(0, -Math.floor(elementary.log10(step) + 1e-9));
}

/** A linear scale from the data range widened to whole ticks. */
export function linearScale(lo: number, hi: number, pixelLo: number, pixelHi: number, tickCount = 5): Scale {
  if (!(hi > lo)) { const c = Number.isFinite(lo) ? lo : 0; lo = c - 1; hi = c + 1; }
  const step = niceStep(hi - lo, tickCount);
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const decimals = decimalsFor(step);
  const ticks: Tick[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9; i++) {
    const value = start + i * step;
    ticks.push({ value, label: fixed(value, decimals) });
  }
  const map = (v: number): number => pixelLo + ((v - start) / (end - start)) * (pixelHi - pixelLo);
  return { map, ticks, domain: [start, end] };
}

/**
 * A base-10 log scale; `lo` and `hi` must be positive (callers drop the rest). Over more than two
 * decades the axis runs between powers of ten with a tick at each (every k-th when there are many);
 * over at most two it runs between the 1-2-5 values just outside the data, with a tick at each, so
 * data from 2 to 32 gets an axis from 2 to 50, not from 1 to 100.
 */
export function logScale(lo: number, hi: number, pixelLo: number, pixelHi: number): Scale {
  if (!(lo > 0)) lo = 1e-12;
  if (!(hi > lo)) hi = lo * 10;
  const e0 = Math.floor(elementary.log10(lo) + 1e-9);
  const e1 = Math.ceil(elementary.log10(hi) - 1e-9);
  const a = e0, b = Math.max(e1, e0 + 1);
  const ticks: Tick[] = [];
  let domainLo = elementary.pow(10, a), domainHi = elementary.pow(10, b);
  if (b - a <= 2) {
    const candidates: Tick[] = [];
    for (let e = a; e <= b; e++) for (const m of [1, 2, 5]) candidates.push({ value: m * elementary.pow(10, e), label: logLabel(m, e) });
    const below = candidates.filter((t) => t.value <= lo * (1 + 1e-9));
    const above = candidates.filter((t) => t.value >= hi * (1 - 1e-9));
    domainLo = below.length > 0 ? below[below.length - 1].value : domainLo;
    domainHi = above.length > 0 ? above[0].value : domainHi;
    ticks.push(...candidates.filter((t) => t.value >= domainLo && t.value <= domainHi));
  } else {
    const every = Math.max(1, Math.ceil((b - a) / 8));
    for (let e = a; e <= b; e++) {
      if ((e - a) % every !== 0 && e !== b) continue;
      ticks.push({ value: elementary.pow(10, e), label: logLabel(1, e) });
    }
  }
  const l0 = elementary.log10(domainLo), l1 = elementary.log10(domainHi);
  const map = (v: number): number => pixelLo + ((elementary.log10(v) - l0) / (l1 - l0)) * (pixelHi - pixelLo);
  return { map, ticks, domain: [domainLo, domainHi] };
}

function logLabel(m: number, e: number): string {
  if (e >= -3 && e <= 4) return fixed(m * elementary.pow(10, e), Math.max(0, -e));
  return scientific(m * elementary.pow(10, e), 1);
}

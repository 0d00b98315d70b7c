/** Colours of the screen. Hex colours are downsampled by Ink (chalk) to what the terminal supports. */
export const CLASS_COLORS = [
  "#4fc3f7", "#ff8a65", "#81c784", "#ba68c8", "#ffd54f", "#f06292", "#4db6ac", "#a1887f", "#90a4ae", "#dce775",
] as const;

export const TRAIN_COLOR = "cyan";
export const VALIDATION_COLOR = "magenta";
export const MAP_BACKGROUND = "#14181c";

export function classColor(k: number): string {
  return CLASS_COLORS[k % CLASS_COLORS.length];
}

/** Confidence levels the map distinguishes: few enough that neighbouring cells share colours. */
export const CONFIDENCE_LEVELS = 6;
const regionCache = new Map<number, string>();

/** A class's region colour: the class hue mixed into the dark background, stronger when the model is surer. */
export function regionColor(k: number, confidence: number): string {
  const level = Math.round(Math.min(1, Math.max(0, confidence)) * (CONFIDENCE_LEVELS - 1));
  const key = k * CONFIDENCE_LEVELS + level;
  let color = regionCache.get(key);
  if (color === undefined) {
    color = blend(MAP_BACKGROUND, classColor(k), 0.15 + (0.55 * level) / (CONFIDENCE_LEVELS - 1));
    regionCache.set(key, color);
  }
  return color;
}

/** A data point: its class hue lightened, so it stands out on its own class's region. */
export function pointColor(k: number): string {
  return blend(classColor(k), "#ffffff", 0.35);
}

function blend(from: string, to: string, t: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function parseHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The network view's colours, as the Playground's: orange for negative outputs, blue for positive. */
export const NEGATIVE_COLOR = "#f59322";
export const POSITIVE_COLOR = "#0877bd";

/**
 * A diverging colour scale with `levels` steps per sign, as the Playground draws values: orange
 * below 0, blue above, the map's dark background at 0. `t` is clamped to [-1, 1]; few levels, so
 * neighbouring cells share colours and a row stays a few runs.
 */
function divergingScale(levels: number): (t: number) => string {
  const cache = new Map<number, string>();
  return (t) => {
    const clamped = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
    const level = Math.round(clamped * levels);
    let color = cache.get(level);
    if (color === undefined) {
      color = blend(MAP_BACKGROUND, level < 0 ? NEGATIVE_COLOR : POSITIVE_COLOR, (0.9 * Math.abs(level)) / levels);
      cache.set(level, color);
    }
    return color;
  };
}

/** A neuron's output scaled to [-1, 1] as a colour. */
export const neuronColor = divergingScale(5);

/** Levels per sign of the regression map's scale: enough to read a slope. */
export const DIVERGING_LEVELS = 8;

/** A regression output over the scale's half-width (value / scale) as a colour. */
export const divergingColor = divergingScale(DIVERGING_LEVELS);

/** A data point of a regression set: its target's colour lightened, so it stands out on the map. */
export function targetPointColor(t: number): string {
  return blend(divergingColor(t), "#ffffff", 0.45);
}

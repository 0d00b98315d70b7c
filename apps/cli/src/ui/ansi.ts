import { colorDisabled } from "./color-env.js";

/**
 * Colour escapes written straight into a row's text. A whole chart or map row then is one Ink
 * <Text> node instead of dozens, which keeps a frame cheap enough that drawing never starves
 * training. 256-colour codes: every terminal emulator and tmux understand them.
 */
const RESET = "\u001b[0m";
const NAMED: Record<string, number> = {
  black: 30, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90, grey: 90,
};
const CUBE = [0, 95, 135, 175, 215, 255];
const cache = new Map<string, number>();

/** The nearest xterm-256 colour-cube index of `#rrggbb`. */
export function xterm256(hex: string): number {
  let index = cache.get(hex);
  if (index === undefined) {
    const n = Number.parseInt(hex.slice(1), 16);
    const level = (v: number): number => {
      let best = 0;
      for (let i = 1; i < CUBE.length; i++) if (Math.abs(CUBE[i] - v) < Math.abs(CUBE[best] - v)) best = i;
      return best;
    };
    index = 16 + 36 * level((n >> 16) & 255) + 6 * level((n >> 8) & 255) + level(n & 255);
    cache.set(hex, index);
  }
  return index;
}

function code(color: string, background: boolean): string {
  if (color.startsWith("#")) return `${background ? 48 : 38};5;${xterm256(color)}`;
  const named = NAMED[color];
  if (named === undefined) return "";
  return String(background ? named + 10 : named);
}

const COLORS = !colorDisabled(process.env);

/** `text` in the given colours, reset afterwards; plain under NO_COLOR. */
export function paint(text: string, color?: string, backgroundColor?: string, colors = COLORS): string {
  if (!colors) return text;
  const codes = [color !== undefined ? code(color, false) : "", backgroundColor !== undefined ? code(backgroundColor, true) : ""].filter((c) => c !== "");
  return codes.length === 0 ? text : `\u001b[${codes.join(";")}m${text}${RESET}`;
}

import { Transform } from "ink";

export interface PaintedLineProps {
  /** The line with its colour escapes (`paint`). */
  readonly text: string;
  /** Its width in terminal columns (every character of the charts and maps is one column). */
  readonly width: number;
}

/**
 * One pre-painted line (a chart or map row) that Ink lays out as `width` spaces and swaps for the
 * painted text only when it writes the frame. Ink measures every text it lays out character by
 * character: a chart or map row is new in nearly every frame, so measuring them cost most of a
 * frame's time (and, before patches/ink@6.8.0.patch bounded Ink's text caches, made a long run's
 * memory grow without end). A line of spaces is measured once.
 */
export function PaintedLine({ text, width }: PaintedLineProps) {
  return <Transform transform={() => text}>{" ".repeat(width)}</Transform>;
}

/** Markdown tables as GitHub renders them, with the cell text escaped where it would break a row. */
import { fixed } from "../format.js";
import type { MeanStd } from "../stats.js";

export type Align = "left" | "right" | "center";

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== headers.length) throw new RangeError(`markdownTable: row ${i} has ${row.length} cells, the header has ${headers.length}`);
  }
  const rule = headers.map((_, i) => {
    const a = align?.[i] ?? (i === 0 ? "left" : "right");
    return a === "left" ? "---" : a === "right" ? "---:" : ":---:";
  });
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(headers), `| ${rule.join(" | ")} |`, ...rows.map(line)].join("\n") + "\n";
}

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** "0.953 ± 0.012" (both with `digits` decimals). */
export function meanStdCell(s: MeanStd, digits = 3): string {
  if (!Number.isFinite(s.mean)) return "—";
  return `${fixed(s.mean, digits)} ± ${fixed(s.std, digits)}`;
}

/** Accuracy in percent: "95.6 ± 1.1 %". */
export function percentCell(s: MeanStd, digits = 1): string {
  if (!Number.isFinite(s.mean)) return "—";
  return `${fixed(100 * s.mean, digits)} ± ${fixed(100 * s.std, digits)}`;
}

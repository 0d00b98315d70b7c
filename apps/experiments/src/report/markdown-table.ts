/** Markdown tables as GitHub renders them, with the cell text escaped where it would break a row. */
import { fixed } from "../format.js";
import { type MeanCI, meanCI } from "../stats.js";

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

/** "0.953 [0.941, 0.965]": the mean and its 95 % interval; "(7 of 10)" when non-finite seeds were left out. */
export function ciCell(values: readonly number[], digits = 3, scale = 1): string {
  return formatCI(meanCI(values), digits, scale);
}

/** Accuracy in percent with its 95 % interval: "95.6 [94.8, 96.4]". */
export function percentCI(values: readonly number[], digits = 1): string {
  return formatCI(meanCI(values), digits, 100);
}

export function formatCI(ci: MeanCI, digits = 3, scale = 1): string {
  if (!Number.isFinite(ci.mean)) return ci.of === 0 ? "—" : `— (0 of ${ci.of})`;
  const interval = Number.isFinite(ci.lo) ? ` [${fixed(scale * ci.lo, digits)}, ${fixed(scale * ci.hi, digits)}]` : "";
  return `${fixed(scale * ci.mean, digits)}${interval}${ci.n < ci.of ? ` (${ci.n} of ${ci.of})` : ""}`;
}

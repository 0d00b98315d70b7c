import type { ValueField } from "@nn/studio";
import { formatMetric } from "../report/format-number.js";
import { halfBlockRows, type MapCell } from "./decision-map.js";
import { divergingColor, targetPointColor } from "./palette.js";

export type { ValueField } from "@nn/studio";

/**
 * Terminal rows of a regression run's output map: each cell a `▀` whose foreground is the top
 * pixel and background the bottom one, coloured by value / scale on the diverging scale; a data
 * point takes its half of the cell in its target's (lightened) colour.
 */
export function renderValueMap(field: ValueField): MapCell[][] {
  const target = new Float64Array(field.cols * field.rows).fill(Number.NaN);
  for (const p of field.points) {
    if (p.col >= 0 && p.col < field.cols && p.row >= 0 && p.row < field.rows) target[p.row * field.cols + p.col] = p.value;
  }
  return halfBlockRows(
    field.cols, field.rows,
    (i) => divergingColor(field.values[i] / field.scale),
    (i) => (Number.isNaN(target[i]) ? undefined : targetPointColor(target[i] / field.scale)),
  );
}

/**
 * The colour scale under the map, `width` columns: `-1.20 ██████ 0 ██████ 1.20`, from −scale on
 * the left through 0 to +scale on the right, the numbers formatted as the charts' legends.
 */
export function valueLegend(scale: number, width: number): MapCell[] {
  const low = formatMetric(-scale).replace(/0+$/, "").replace(/\.$/, "");
  const high = formatMetric(scale).replace(/0+$/, "").replace(/\.$/, "");
  const bar = Math.max(2, width - low.length - high.length - 2);
  const cells: MapCell[] = [{ text: `${low} `, color: "gray", backgroundColor: "" }];
  for (let i = 0; i < bar; i++) {
    const t = bar === 1 ? 0 : -1 + (2 * i) / (bar - 1);
    cells.push({ text: "█", color: divergingColor(t), backgroundColor: "" });
  }
  cells.push({ text: ` ${high}`, color: "gray", backgroundColor: "" });
  return cells;
}

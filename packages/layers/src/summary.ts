import { LayerInputError } from "./errors.js";
import type { Layer } from "./layer.js";

export interface SummaryRow {
  /** Position in the model (`layers.0`). */
  name: string;
  /** The layer's description (`Dense(2→16)`). */
  layer: string;
  /** Output shape with the batch as `n`: `[n, 16]`, or `[n, ?]` when the width is unknown. */
  outputShape: string;
  params: number;
}

export interface ModelSummary {
  rows: SummaryRow[];
  totalParams: number;
  /** Entries of non-trainable buffers (BatchNorm running statistics). */
  bufferValues: number;
}

interface Container {
  readonly layers: readonly Layer[];
}

function countParams(layer: Layer): number {
  let n = 0;
  for (const p of layer.parameters()) n += p.value.size;
  return n;
}

export function summarize(model: Container, inputFeatures?: number): ModelSummary {
  let features: number | undefined = inputFeatures;
  let totalParams = 0, bufferValues = 0;
  const rows = model.layers.map((layer, i) => {
    try {
      features = layer.outputFeatures(features);
    } catch (e) {
      throw e instanceof LayerInputError ? e.within(`layers.${i}`) : e;
    }
    const params = countParams(layer);
    totalParams += params;
    for (const b of layer.buffers()) bufferValues += b.value.size;
    return { name: `layers.${i}`, layer: layer.describe(), outputShape: `[n, ${features ?? "?"}]`, params };
  });
  return { rows, totalParams, bufferValues };
}

export function formatSummary(summary: ModelSummary): string {
  const header = ["Layer", "Type", "Output shape", "Params"];
  const cells = summary.rows.map((r) => [r.name, r.layer, r.outputShape, r.params.toLocaleString("en-US")]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  return [
    line(header),
    "=".repeat(total),
    ...cells.map(line),
    "=".repeat(total),
    `Total params: ${summary.totalParams.toLocaleString("en-US")}`,
    `Trainable params: ${summary.totalParams.toLocaleString("en-US")}`,
    `Non-trainable values (buffers): ${summary.bufferValues.toLocaleString("en-US")}`,
  ].join("\n");
}

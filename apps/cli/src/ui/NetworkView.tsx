import type { NeuronMaps } from "@nn/studio";
import { Box, Text } from "ink";
import { paint } from "./ansi.js";
import { neuronColor } from "./palette.js";
import { PaintedLine } from "./PaintedLine.js";

export interface NetworkViewProps {
  readonly network: NeuronMaps | undefined;
  /** Names of the input neurons (x₁, x₂, x₁², …). */
  readonly inputNames: readonly string[];
  readonly width: number;
  readonly height: number;
}

/** Pixels of one neuron's map: NEURON_COLS wide, NEURON_ROWS high (two per terminal row). */
export const NEURON_COLS = 10;
export const NEURON_ROWS = 6;
const CELL_ROWS = NEURON_ROWS / 2 + 1;
/** Terminal columns of one layer: a map and a gap. */
export const NEURON_COLUMN_WIDTH = NEURON_COLS + 4;
const COLUMN_WIDTH = NEURON_COLUMN_WIDTH;

/**
 * Every neuron's output over the input plane, layers left to right (the Playground's picture):
 * orange where a neuron is negative, blue where positive, scaled per neuron. Under each map, its
 * strongest incoming weight and where it comes from. A layer taller than the screen shows the
 * neurons with the largest outgoing weights.
 */
export function NetworkView({ network, inputNames, width, height }: NetworkViewProps) {
  if (network === undefined) return <Text dimColor>network view: waiting for the first picture…</Text>;
  const perColumn = Math.max(1, Math.floor((height - 1) / CELL_ROWS));
  const layers = network.layers;
  const maxColumns = Math.max(1, Math.floor(width / COLUMN_WIDTH));
  const shownLayers = layers.length <= maxColumns ? layers.map((_, i) => i) : [...layers.slice(0, maxColumns - 1).map((_, i) => i), layers.length - 1];
  return (
    <Box flexDirection="row" width={width}>
      {shownLayers.map((l) => {
        const units = layers[l].units;
        const chosen = strongestNeurons(network, l, perColumn);
        const title = l === 0 ? "inputs" : l === layers.length - 1 ? "output" : `hidden ${l}·${units}`;
        return (
          <Box key={l} flexDirection="column" width={COLUMN_WIDTH}>
            <Text bold wrap="truncate">{title}</Text>
            {chosen.map((u) => (
              <Box key={u} flexDirection="column">
                {neuronRows(network, l, u).map((row, r) => (
                  <PaintedLine key={r} text={row} width={network.cols} />
                ))}
                <Text dimColor wrap="truncate">{caption(network, l, u, inputNames)}</Text>
              </Box>
            ))}
            {chosen.length < units ? <Text dimColor wrap="truncate">{`+${units - chosen.length} more`}</Text> : null}
          </Box>
        );
      })}
    </Box>
  );
}

/** The neurons of layer `l` with the largest outgoing weights (all of them when they fit), in order. */
export function strongestNeurons(network: NeuronMaps, l: number, room: number): number[] {
  const units = network.layers[l].units;
  const all = Array.from({ length: units }, (_, u) => u);
  if (units <= room) return all;
  const out = network.weights[l];
  if (out === undefined) return all.slice(0, room);
  const next = out.length / units;
  const strength = all.map((u) => {
    let s = 0;
    for (let j = 0; j < next; j++) s += Math.abs(out[u * next + j]);
    return s;
  });
  return all.sort((a, b) => strength[b] - strength[a]).slice(0, room).sort((a, b) => a - b);
}

/** `+1.3←x₁`: the strongest incoming weight of neuron u of layer l, and where it comes from (`#k`: neuron k of the layer before). */
export function caption(network: NeuronMaps, l: number, u: number, inputNames: readonly string[]): string {
  if (l === 0) return inputNames[u] ?? `x${u}`;
  const w = network.weights[l - 1];
  const from = network.layers[l - 1].units;
  const to = network.layers[l].units;
  let best = 0;
  for (let i = 1; i < from; i++) if (Math.abs(w[i * to + u]) > Math.abs(w[best * to + u])) best = i;
  const value = w[best * to + u];
  const source = l - 1 === 0 ? (inputNames[best] ?? `x${best}`) : `#${best + 1}`;
  return `${value >= 0 ? "+" : ""}${value.toFixed(1)}←${source}`;
}

function neuronRows(network: NeuronMaps, l: number, u: number): string[] {
  const { cols, rows } = network;
  const n = cols * rows;
  const values = network.layers[l].values.subarray(u * n, (u + 1) * n);
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(values[i]));
  const scale = max > 0 ? 1 / max : 0;
  const out: string[] = [];
  for (let r = 0; r < rows; r += 2) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const top = values[r * cols + c] * scale;
      const bottom = r + 1 < rows ? values[(r + 1) * cols + c] * scale : top;
      line += paint("▀", neuronColor(top), neuronColor(bottom));
    }
    out.push(line);
  }
  return out;
}

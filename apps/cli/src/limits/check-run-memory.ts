import { closeSync, openSync, readSync, statSync } from "node:fs";
import { totalmem } from "node:os";
import { MAX_DECLARED_WIDTH } from "@nn/layers";
import type { BuiltinDataset, TrainOptions } from "../args/train-options.js";
import { UsageError } from "../args/usage-error.js";
import { estimateRunMemory, formatBytes, type MemoryEstimate } from "./memory-estimate.js";

/** Rows, features and classes of the shipped sets (a test checks them against the loaders). */
export const SHIPPED_SHAPES: Readonly<Record<"iris" | "breast-cancer" | "digits", readonly [number, number, number]>> = {
  iris: [150, 4, 3],
  "breast-cancer": [569, 30, 2],
  digits: [1797, 64, 10],
};

/** A run may plan on this share of the machine's memory; the rest is the OS, Node and the screen. */
export const MEMORY_SHARE = 0.75;

/** Above this estimate, setting up takes seconds (1M moons samples: 1.8 GB RSS, 22 s for one full-batch epoch): say so on stderr. */
export const ANNOUNCE_BYTES = 256e6;

export interface RunMemoryDeps {
  readonly totalMemory?: number;
  readonly stderr?: { write(text: string): unknown };
}

/**
 * Checks a run's size before anything is generated, read or allocated: every --layers width is a
 * width nn can build (and load again), and the estimated peak memory fits the machine. A run
 * that does not fit is refused with the estimate; a large one is announced on stderr.
 */
export function checkRunMemory(command: string, options: TrainOptions, deps: RunMemoryDeps = {}): MemoryEstimate {
  for (const width of options.layers) {
    if (!Number.isSafeInteger(width) || width > MAX_DECLARED_WIDTH) {
      throw new UsageError(`nn ${command}: --layers: a layer of ${width} units is more than nn builds (at most ${MAX_DECLARED_WIDTH} per layer)`);
    }
  }
  const [samples, features, classes] = dataShape(options);
  const estimate = estimateRunMemory({
    samples, features, classes, hidden: options.layers, batchSize: options.batchSize, testSplit: options.testSplit,
    optimizer: options.optimizer, momentum: options.momentum, dropout: options.dropout,
  });
  const total = deps.totalMemory ?? totalmem();
  const breakdown = estimate.parts.filter((p) => p.bytes >= estimate.bytes / 100).map((p) => `${p.what}: ${formatBytes(p.bytes)}`).join("; ");
  if (!(estimate.bytes <= total * MEMORY_SHARE)) {
    throw new UsageError(
      `nn ${command}: this run would need about ${formatBytes(estimate.bytes)} of memory (${breakdown}), more than ${Math.round(MEMORY_SHARE * 100)}% of this machine's ${formatBytes(total)}; use fewer --samples, narrower --layers or a smaller --batch-size`,
    );
  }
  if (estimate.bytes > ANNOUNCE_BYTES) deps.stderr?.write(`nn ${command}: setting up a large run, about ${formatBytes(estimate.bytes)} (${breakdown})…\n`);
  return estimate;
}

function dataShape(options: TrainOptions): [number, number, number] {
  const data = options.data;
  if (data.kind === "csv") return csvShape(data.path);
  const shipped = shippedShape(data.name);
  if (shipped !== undefined) return [...shipped];
  return [data.samples, 2, data.name === "blobs" ? 3 : 2];
}

function shippedShape(name: BuiltinDataset): readonly [number, number, number] | undefined {
  return name === "iris" || name === "breast-cancer" || name === "digits" ? SHIPPED_SHAPES[name] : undefined;
}

/**
 * A CSV file's size as data, read from its length and its first 64 kB: rows ≈ bytes / the mean
 * length of the lines seen. An unreadable file is left to the loader, which names the problem.
 */
function csvShape(path: string): [number, number, number] {
  let size: number, head: string;
  try {
    size = statSync(path).size;
    const fd = openSync(path, "r");
    try {
      const buffer = Buffer.alloc(Math.min(size, 65536));
      head = buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return [0, 1, 2];
  }
  const lines = head.split("\n");
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines; // the last piece may be cut off
  const meanLine = Math.max(2, complete.reduce((a, l) => a + l.length + 1, 0) / complete.length);
  const columns = Math.max(2, lines[0].split(",").length);
  return [Math.ceil(size / meanLine), columns - 1, 2];
}

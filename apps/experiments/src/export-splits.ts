/**
 * Writes the exact train/test splits of the peers study (after standardisation) as JSON, for the
 * scikit-learn reference script in reference/. Run: node apps/experiments/dist/export-splits.js <dir>
 */
import { join, resolve } from "node:path";
import { PEER_PROBLEMS, PEER_SEEDS } from "./studies/peers.js";
import { PROBLEMS, prepareSplit } from "./experiment/data.js";
import { writeFileAtomic } from "./write-files.js";

const outDir = resolve(process.argv[2] ?? "splits");
for (const name of PEER_PROBLEMS) {
  for (const seed of PEER_SEEDS) {
    const { train, test } = prepareSplit(PROBLEMS[name].load(seed), seed);
    const part = (d: typeof train): { x: number[][]; y: number[] } => ({
      x: Array.from({ length: d.x.shape[0] }, (_, i) => Array.from(d.x.data.subarray(i * d.x.shape[1], (i + 1) * d.x.shape[1]))),
      y: Array.from(d.y.data, (v) => Math.round(v)),
    });
    await writeFileAtomic(join(outDir, `${name}-seed${seed}.json`), JSON.stringify({ problem: name, seed, train: part(train), test: part(test) }));
  }
}
process.stderr.write(`wrote ${PEER_PROBLEMS.length * PEER_SEEDS.length} splits to ${outDir}\n`);

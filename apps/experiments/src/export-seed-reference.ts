/**
 * Writes the seed study's float64 starting point (training data and initial weights) as JSON for
 * reference/seed_numpy.py. Run: node apps/experiments/dist/export-seed-reference.js <file>
 */
import { resolve } from "node:path";
import { referenceModelAndData } from "./experiment/seed-reference.js";
import { writeFileAtomic } from "./write-files.js";

const out = resolve(process.argv[2] ?? "seed-reference-input.json");
await writeFileAtomic(out, JSON.stringify(referenceModelAndData().input));
process.stderr.write(`wrote ${out}\n`);

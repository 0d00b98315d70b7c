// Sums vitest's "Tests  N passed | M failed (T)" summary lines from the given logs and prints
// "N passed, M failed". Exits 1 when a test failed or when no summary was found at all.
import { readFileSync } from "node:fs";

const ansi = /\u001b\[[0-9;]*m/g;
let passed = 0;
let failed = 0;
let summaries = 0;
for (const file of process.argv.slice(2)) {
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.replace(ansi, "");
    const m = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
    if (!m) continue;
    summaries++;
    const p = /(\d+) passed/.exec(m[1]);
    const f = /(\d+) failed/.exec(m[1]);
    if (p) passed += Number(p[1]);
    if (f) failed += Number(f[1]);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || summaries === 0 ? 1 : 0);

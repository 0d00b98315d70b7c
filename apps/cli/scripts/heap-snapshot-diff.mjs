#!/usr/bin/env node
// What grew between two V8 heap snapshots, by constructor: object counts and self sizes.
//
//   node --heapsnapshot-signal=SIGUSR2 apps/cli/dist/cli.js train …   # kill -USR2 <pid>, twice, minutes apart
//   node apps/cli/scripts/heap-snapshot-diff.mjs before.heapsnapshot after.heapsnapshot [--top 30]
//
// Groups nodes by type and name (an object's name is its constructor; strings, code and arrays are
// grouped by their type alone), so a structure that gains entries every frame shows up as a
// steadily growing count. Only what survives the snapshot's own full collection is counted.
/* global console, process */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
const files = args.filter((arg, i) => i !== topAt && i !== topAt + 1);
if (files.length !== 2 || !(top > 0)) {
  console.error("usage: heap-snapshot-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [--top N]");
  process.exit(2);
}

/** Map of "type name" → { count, size } for one snapshot. */
function groups(file) {
  const snapshot = JSON.parse(readFileSync(file, "utf8"));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[fields.indexOf("type")];
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const byName = ["object", "closure", "native", "hidden", "synthetic"];
  const result = new Map();
  const nodes = snapshot.nodes;
  let total = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]];
    const key = byName.includes(type) ? `${type} ${snapshot.strings[nodes[i + nameAt]]}` : type;
    const size = nodes[i + sizeAt];
    const entry = result.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += size;
    total += size;
    result.set(key, entry);
  }
  return { result, total };
}

const before = groups(files[0]);
const after = groups(files[1]);
const rows = [];
for (const key of new Set([...before.result.keys(), ...after.result.keys()])) {
  const a = before.result.get(key) ?? { count: 0, size: 0 };
  const b = after.result.get(key) ?? { count: 0, size: 0 };
  rows.push({ key, count: b.count - a.count, size: b.size - a.size, now: b.count });
}
rows.sort((x, y) => Math.abs(y.size) - Math.abs(x.size));
console.log(`total self size ${(before.total / 1e6).toFixed(2)} MB → ${(after.total / 1e6).toFixed(2)} MB`);
console.log("Δsize (kB)  Δcount   count  type name");
for (const row of rows.slice(0, top)) {
  console.log(`${(row.size / 1e3).toFixed(1).padStart(10)} ${String(row.count).padStart(7)} ${String(row.now).padStart(7)}  ${row.key.slice(0, 100)}`);
}

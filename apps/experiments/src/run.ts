/**
 * `pnpm experiments [--quick] [--only <id>] [--out <dir>]`: runs the studies one after another
 * with a progress bar on stderr and writes each report, its plots and its raw numbers.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { USAGE, parseCliArgs } from "./cli-args.js";
import { ProgressBar } from "./progress.js";
import { findRepoRoot } from "./repo-root.js";
import { type StudySummary, indexReport, mergeSummaries, parseIndexRows } from "./report/index-report.js";
import { rawJson } from "./report/raw-json.js";
import { cachedRun } from "./result-cache.js";
import { STUDIES } from "./studies/index.js";
import type { StudyConfig } from "./study.js";
import { writeFileAtomic, writeFiles } from "./write-files.js";

async function main(argv: readonly string[]): Promise<void> {
  const options = parseCliArgs(argv);
  if (options.help) { process.stdout.write(USAGE); return; }
  const unknown = options.only.filter((id) => !STUDIES.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`unknown study ${unknown.join(", ")}; studies are ${STUDIES.map((s) => s.id).join(", ")}`);
  const studies = options.only.length === 0 ? STUDIES : STUDIES.filter((s) => options.only.includes(s.id));
  const config: StudyConfig = { quick: options.quick };
  const outDir = options.out !== undefined
    ? resolve(options.out)
    : join(findRepoRoot(dirname(fileURLToPath(import.meta.url))), "experiments", options.quick ? "results-quick" : "results");

  const total = studies.reduce((sum, s) => sum + s.units(config), 0);
  const bar = new ProgressBar(total, process.stderr, () => performance.now());
  const summaries: StudySummary[] = [];
  const seconds: Record<string, number> = {};
  for (const study of studies) {
    const { result, seconds: runSeconds } = await cachedRun(process.env.NN_EXPERIMENTS_CACHE, study.id, config.quick, () => study.run({ ...config, tick: (label) => bar.tick(study.id, label) }), () => performance.now());
    const reportStart = performance.now();
    const report = study.report(result, config);
    const files: Record<string, string> = { ...report.files, [`${study.id}.json`]: rawJson(result.data) };
    if (result.timing !== undefined) files[`${study.id}-timing.json`] = rawJson(result.timing);
    await writeFiles(outDir, files);
    // Training time (from the run that made a cached result) plus this run's report writing.
    seconds[study.id] = runSeconds + (performance.now() - reportStart) / 1000;
    summaries.push({ id: study.id, title: study.title, claim: study.claim, verdict: report.verdict, finding: report.finding });
  }
  bar.finish();
  // A partial run rewrites the index with its studies' new rows and keeps the other rows.
  const indexPath = join(outDir, "index.md");
  const earlier = options.only.length === 0 || !existsSync(indexPath) ? [] : parseIndexRows(readFileSync(indexPath, "utf8"));
  await writeFileAtomic(indexPath, indexReport(mergeSummaries(STUDIES.map((s) => s.id), summaries, earlier), config));
  await writeFileAtomic(join(outDir, options.only.length === 0 ? "run-timing.json" : `run-timing-${studies.map((s) => s.id).join("-")}.json`),
    JSON.stringify({ quick: config.quick, seconds, node: process.version }, null, 1) + "\n");
  process.stderr.write(`wrote ${studies.length} ${studies.length === 1 ? "study" : "studies"} to ${outDir} in ${Object.values(seconds).reduce((a, b) => a + b, 0).toFixed(1)} s\n`);
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`experiments: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}

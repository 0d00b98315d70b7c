// `npm run bench`: nn against TensorFlow.js (cpu and WebAssembly/XNNPACK) and NumPy, on the same
// data, initial weights and updates, interleaved in one run, each implementation of a row in a
// process of its own (src/isolated). Prints a table, writes JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { kernels } from "@nn/tensor";
import { type Section, parseBenchArgs, runsSection } from "./cli-options.js";
import { formatElementaryCost, runElementaryCost } from "./elementary-cost/elementary-cost.js";
import { PRODUCT_IMPLS, TRAINING_IMPLS } from "./isolated/impl-catalog.js";
import { nodeHost } from "./isolated/host-process.js";
import { w3Cases } from "./matmul-case.js";
import { numpyHosts, numpyVersion } from "./numpy-runner.js";
import type { BenchReport, WorkloadResult } from "./results.js";
import { formatTable } from "./table.js";
import { formatTargets } from "./targets.js";
import type { Clock } from "./timing.js";
import { formatAutogradCost, runAutogradCost } from "./workloads/autograd-cost.js";
import { formatRelaxedSimd, runRelaxedSimd } from "./workloads/relaxed-simd.js";
import { formatThreads, runThreads } from "./workloads/threads.js";
import { runTrainingJob } from "./workloads/training-workload.js";
import { w1Jobs } from "./workloads/w1.js";
import { w2Jobs } from "./workloads/w2.js";
import { runMatmulCase, w3Timing } from "./workloads/w3.js";

const SECTION_TITLES: Record<Section, string> = {
  table: "main table against TensorFlow.js and NumPy",
  elementary: "own elementary functions against Math.*",
  autograd: "autograd cost table",
  relaxed: "relaxed-SIMD product",
  threads: "threads table",
};

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = performance.now();
  const clock: Clock = options.wall ? "wall" : "cpu";
  const runs = (section: Section): boolean => runsSection(options, section);
  const peers = runs("table");
  const jobs = peers ? [...w1Jobs(options.quick), ...w2Jobs(options.quick)].map((j) => ({ ...j, timing: { ...j.timing, clock } })) : [];
  const cases = peers ? w3Cases(options.quick) : [];
  const timing = { ...w3Timing(options.quick), clock };
  const numpy = options.noNumpy || !peers ? null : numpyVersion();

  console.log(`nn bench${options.quick ? " (quick)" : ""}: node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, nn kernels: ${kernels().name}, single thread unless the threads table says otherwise, float32, ${clock === "cpu" ? "CPU time" : "wall time"}`);
  if (options.only !== undefined) console.log(`only the ${SECTION_TITLES[options.only]} (--only ${options.only})`);
  if (peers) {
    console.log(numpy !== null
      ? `NumPy ${numpy} (1 thread); every implementation in a process of its own, interleaved`
      : options.noNumpy ? "NumPy rows left out (--no-numpy)" : "NumPy rows left out (python3 with NumPy not found)");
  }

  const workloads: WorkloadResult[] = [];
  if (peers) {
    const numpyRows = numpy === null ? null : numpyHosts(jobs, cases.map((c) => ({ case: c, ...timing })), clock);
    try {
      for (const [index, job] of jobs.entries()) {
        console.log(`${job.spec.name} …`);
        const hosts = TRAINING_IMPLS.map((impl) => nodeHost("training", job.spec.name, impl, options.quick, clock));
        if (numpyRows !== null) hosts.push(numpyRows.start("training", index));
        workloads.push(await runTrainingJob(job, hosts));
      }
      for (const [index, c] of cases.entries()) {
        console.log(`W3 ${c.name} …`);
        const hosts = PRODUCT_IMPLS.map((impl) => nodeHost("matmul", c.name, impl, options.quick, clock));
        if (numpyRows !== null) hosts.push(numpyRows.start("matmul", index));
        workloads.push(await runMatmulCase(c, timing, hosts));
      }
    } finally {
      numpyRows?.dispose();
    }
  }

  const elementaryCost = runs("elementary") ? await runElementaryCost(options.quick, clock) : [];
  if (runs("autograd")) console.log("autograd cost …");
  const autogradCost = runs("autograd") ? runAutogradCost(options.quick, clock) : [];
  const relaxedSimd = runs("relaxed") ? runRelaxedSimd(options.quick, clock) : [];
  if (runs("threads")) console.log("threads (nn and NumPy at 1 and 2 threads, wall time) …");
  const threads = runs("threads") ? await runThreads(options.quick, !options.noNumpy && numpyVersion() !== null) : { rows: [] };

  const report: BenchReport = { date: new Date().toISOString(), quick: options.quick, clock, node: process.version, numpy, workloads, elementaryCost, autogradCost, relaxedSimd, threads: threads.rows };
  if (peers) {
    console.log("");
    console.log(formatTable(report));
  }
  const targets = formatTargets(report);
  const unjudged = "goals marked · are not judged: a --quick run is too short for the engines to settle; run without --quick";
  const judged = options.quick ? unjudged : "reported, not enforced";
  const quickNote = options.quick ? `; ${unjudged}` : "";
  if (targets.length > 0) console.log(`\nspeed goals (${judged}):\n${targets.map((l) => `  ${l}`).join("\n")}`);
  if (runs("elementary")) console.log(`\nown elementary functions (same bits in every engine) against Math.* (the engine's own bits${quickNote}):\n${formatElementaryCost(elementaryCost, options.quick)}`);
  if (runs("autograd")) console.log(`\nthe seed MLP by @nn/autograd against the layers' hand-written backward (CPU time unless --wall${quickNote}):\n${formatAutogradCost(autogradCost, options.quick)}`);
  if (runs("relaxed")) console.log(`\n${formatRelaxedSimd(relaxedSimd)}`);
  if (runs("threads")) console.log(`\nnn (setThreads) and NumPy (OPENBLAS_NUM_THREADS) at 1 and 2 threads, in wall time (CPU time would add up both threads):\n${formatThreads(threads)}`);
  const out = options.out ?? fileURLToPath(new URL("../results/latest.json", import.meta.url));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nresults: ${out} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const disagreeing = [
    ...workloads.filter((w) => w.results.some((r) => !r.agrees)),
    ...elementaryCost.filter((r) => !r.agrees).map((r) => ({ workload: `${r.workload} (own vs Math.*)` })),
    ...autogradCost.filter((r) => !r.agrees).map((r) => ({ workload: `${r.workload} (autograd vs layers)` })),
    ...threads.rows.filter((r) => !r.sameBits).map((r) => ({ workload: `${r.workload} (2 threads vs 1)` })),
  ];
  if (disagreeing.length > 0) {
    console.error(`✗ results differ from nn's in: ${disagreeing.map((w) => w.workload).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

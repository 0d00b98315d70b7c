/**
 * Study 4: SGD, momentum, Nesterov, RMSprop, Adam and AdamW on the same problems and networks,
 * loss against epochs (deterministic) and against wall-clock time (the `timing` files).
 */
import { fixed } from "../format.js";
import { type ProblemName, PROBLEMS, prepareSplit } from "../experiment/data.js";
import { SEED_HIDDEN, buildMlp } from "../experiment/mlp.js";
import { OPTIMIZERS } from "../experiment/optimizers.js";
import { seedsFor } from "../experiment/seeds.js";
import { runTraining } from "../experiment/training.js";
import { meanBandSeries } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { markdownTable, meanStdCell, percentCell } from "../report/markdown-table.js";
import { mean, meanStd } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";

const PROBLEM_NAMES: readonly ProblemName[] = ["moons", "spirals", "digits"];

interface OptSetup { epochs: number; batchSize: number }

function setup(config: StudyConfig): OptSetup {
  return config.quick ? { epochs: 8, batchSize: 32 } : { epochs: 60, batchSize: 32 };
}

interface OptRun { seed: number; loss: number[]; finalTrainLoss: number; testAccuracy: number; divergedAt: number | null }
interface OptData { setup: OptSetup; results: { problem: ProblemName; optimizer: string; label: string; runs: OptRun[] }[] }
interface OptTiming { note: string; results: { problem: ProblemName; optimizer: string; epochMs: number[][] }[] }

export const optimizersStudy: Study<OptData, OptTiming> = {
  id: "optimizers",
  title: "Optimizers",
  claim: "Momentum and the adaptive methods (RMSprop, Adam, AdamW) reach a lower training loss than plain SGD in the same number of epochs on each problem, at a per-epoch cost close to SGD's.",
  units: (config) => PROBLEM_NAMES.length * OPTIMIZERS.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const results: OptData["results"] = [];
    const timing: OptTiming = { note: "Wall-clock milliseconds per epoch (training and metrics, no validation) on the machine that ran the study; not deterministic.", results: [] };
    for (const problem of PROBLEM_NAMES) {
      for (const spec of OPTIMIZERS) {
        const epochMs: number[][] = [];
        const runs = seedsFor(ctx).map((seed): OptRun => {
          const { train, test } = prepareSplit(PROBLEMS[problem].load(seed), seed);
          const classes = train.numClasses;
          const model = buildMlp({ inputs: train.x.shape[1], hidden: SEED_HIDDEN, outputs: classes === 2 ? 1 : classes, seed });
          const r = runTraining(model, { optimizer: spec.make(model.parameters()), train, test, epochs: s.epochs, batchSize: s.batchSize, seed });
          ctx.tick(`${problem}, ${spec.name}, seed ${seed}`);
          epochMs.push(r.epochMs);
          return { seed, loss: r.loss, finalTrainLoss: r.finalTrainLoss, testAccuracy: r.testAccuracy, divergedAt: r.divergedAt };
        });
        results.push({ problem, optimizer: spec.name, label: spec.label, runs });
        timing.results.push({ problem, optimizer: spec.name, epochMs });
      }
    }
    return { data: { setup: s, results }, timing };
  },

  report({ data, timing }, config) {
    const id = "optimizers";
    const s = data.setup;
    const files: Record<string, string> = {};
    const epochsX = Array.from({ length: s.epochs }, (_, i) => i + 1);
    const sections: string[] = [];
    let wins = 0;
    const winners: string[] = [];
    for (const problem of PROBLEM_NAMES) {
      const group = data.results.filter((r) => r.problem === problem);
      files[`${id}/${problem}-loss-vs-epoch.svg`] = lineChart({
        title: `${problem}: training loss by optimizer (mean ± std)`, xLabel: "epoch", yLabel: "training loss (log)", yLog: true,
        series: group.map((g) => meanBandSeries(g.label, epochsX, g.runs.map((r) => r.loss))),
      });
      const rows = group.map((g) => [
        g.label,
        meanStdCell(meanStd(g.runs.map((r) => r.loss[Math.floor(s.epochs / 4) - 1] ?? r.loss[0])), 4),
        meanStdCell(meanStd(g.runs.map((r) => r.finalTrainLoss)), 4),
        percentCell(meanStd(g.runs.map((r) => r.testAccuracy))),
      ]);
      const finals = group.map((g) => mean(g.runs.map((r) => r.finalTrainLoss)));
      const sgd = finals[group.findIndex((g) => g.optimizer === "sgd")];
      const others = group.filter((g) => g.optimizer !== "sgd");
      const beat = others.filter((g) => mean(g.runs.map((r) => r.finalTrainLoss)) < sgd).length;
      if (beat === others.length) wins++;
      winners.push(`${problem}: best ${group[finals.indexOf(Math.min(...finals))].optimizer}, ${beat}/${others.length} beat SGD`);
      sections.push(
        `### ${problem} (${PROBLEMS[problem].description})`, "",
        markdownTable(["optimizer", `train loss at epoch ${Math.max(1, Math.floor(s.epochs / 4))}`, `final train loss (epoch ${s.epochs})`, "test acc. (%)"], rows),
        `![${problem} loss against epochs](${id}/${problem}-loss-vs-epoch.svg)`, "",
        `Loss against wall-clock time: [${id}/timing-${problem}-loss-vs-time.svg](${id}/timing-${problem}-loss-vs-time.svg) (a timing file, see [${id}-timing.md](${id}-timing.md)).`, "",
      );
    }
    const timingFiles = timingReport(data, timing, id);
    Object.assign(files, timingFiles);
    const verdict = wins === PROBLEM_NAMES.length ? "supported" : wins > 0 ? "partly supported" : "not supported";
    const finding = `Every other optimizer beats plain SGD's final training loss on ${wins} of ${PROBLEM_NAMES.length} problems (${winners.join("; ")}).`;
    files[`${id}.md`] = [
      "# Optimizers",
      "",
      `**Claim.** ${this.claim}`,
      "",
      `**Verdict: ${verdict}** (on the loss-per-epoch part; the per-epoch cost is in the timing report, which is not part of the byte-compared output). ${finding}`,
      "",
      "## Setup",
      "",
      `- Problems: ${PROBLEM_NAMES.map((p) => `${p} (${PROBLEMS[p].description})`).join("; ")}; stratified 75/25 split per seed, standardised.`,
      "- Model: hidden layers 64 and 32, ReLU, He-normal; one sigmoid unit with binary cross-entropy for two classes, 10 logits with softmax cross-entropy for digits.",
      `- Mini-batches of ${s.batchSize}, shuffled per epoch with the seed; ${s.epochs} epochs. Seeds ${seedsFor(config).join(", ")}.`,
      `- Optimizers (PyTorch's update rules and defaults otherwise, docs/math_derivations.md §9): ${OPTIMIZERS.map((o) => o.label).join("; ")}. Learning rates are each method's customary default, not tuned per problem.`,
      "",
      "## Results",
      "",
      ...sections,
      "## Reading",
      "",
      "Momentum averages successive gradients, so steps along a consistent direction grow up to 1/(1 − μ) times while oscillating components cancel; Nesterov evaluates the gradient after the momentum step, which damps overshoot. RMSprop and Adam divide each coordinate's step by a running RMS of its gradient, which equalises the effective step size across parameters whose gradients differ by orders of magnitude; Adam adds momentum and bias correction; AdamW decouples weight decay from that rescaling. Their extra cost per step is a few element-wise passes over the parameters, small next to the matrix products of the forward and backward passes.",
      "",
    ].join("\n");
    return { files, verdict, finding };
  },
};

function timingReport(data: OptData, timing: OptTiming | undefined, id: string): Record<string, string> {
  if (timing === undefined) return {};
  const files: Record<string, string> = {};
  const rows: string[][] = [];
  for (const problem of PROBLEM_NAMES) {
    const series = data.results.filter((r) => r.problem === problem).map((g, k) => {
      const ms = timing.results.find((t) => t.problem === problem && t.optimizer === g.optimizer)?.epochMs ?? [];
      const n = Math.min(...g.runs.map((r) => r.loss.length));
      const cumulative: number[] = [];
      let t = 0;
      for (let e = 0; e < n; e++) { t += mean(ms.map((m) => m[e])); cumulative.push(t / 1000); }
      rows.push([problem, g.label, fixed(mean(ms.flat()), 2), fixed(t / 1000, 2)]);
      return { label: g.label, x: cumulative, y: Array.from({ length: n }, (_, e) => mean(g.runs.map((r) => r.loss[e]))), color: k };
    });
    files[`${id}/timing-${problem}-loss-vs-time.svg`] = lineChart({
      title: `${problem}: training loss against wall-clock time (mean over seeds)`, xLabel: "seconds (cumulative, mean epoch time)", yLabel: "training loss (log)", yLog: true, series,
    });
  }
  files[`${id}-timing.md`] = [
    "# Optimizers: wall-clock timing",
    "",
    "These numbers are measured, not computed, so they change from run to run and machine to machine; this file and the `timing-*` plots are excluded from the byte-for-byte comparison. The machine was shared with other work while it ran, so absolute times are noisy; the ratios between optimizers are the useful part.",
    "",
    markdownTable(["problem", "optimizer", "mean ms per epoch", "total seconds"], rows),
    ...PROBLEM_NAMES.map((p) => `![${p}](${id}/timing-${p}-loss-vs-time.svg)\n`),
  ].join("\n");
  return files;
}

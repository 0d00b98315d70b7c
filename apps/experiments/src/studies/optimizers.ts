/**
 * Study 4: SGD, momentum, Nesterov, RMSprop, Adam and AdamW on the same problems and networks,
 * every method at every learning rate of one grid; compared at each method's customary default
 * rate and at the rate chosen for it on the validation split. Loss against epochs is
 * deterministic; loss against wall-clock time goes to the `timing` files.
 */
import { capitalise, compact, fixed } from "../format.js";
import { type ProblemName, PROBLEMS, prepareValidationSplit } from "../experiment/data.js";
import { SEED_HIDDEN, buildMlp } from "../experiment/mlp.js";
import { OPTIMIZERS, type OptimizerName } from "../experiment/optimizers.js";
import { seedsFor } from "../experiment/seeds.js";
import { bestByValidation } from "../experiment/tuning.js";
import { runTraining } from "../experiment/training.js";
import { medianBandSeries } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { formatCI, markdownTable, percentCI } from "../report/markdown-table.js";
import { testsSection } from "../report/tests-section.js";
import { geometricMeanCI, logs, mean, pairedTTest } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { CONTRAST_HEADERS, type Contrast, contrastRows, decide } from "../verdict.js";

const PROBLEM_NAMES: readonly ProblemName[] = ["moons", "spirals", "digits"];

interface OptSetup { epochs: number; batchSize: number; grid: number[] }

function setup(config: StudyConfig): OptSetup {
  return config.quick ? { epochs: 8, batchSize: 32, grid: [0.01, 0.1] } : { epochs: 30, batchSize: 32, grid: [0.001, 0.01, 0.1, 1] };
}

interface OptRun { seed: number; loss: number[]; finalTrainLoss: number; validationLoss: number; testAccuracy: number; divergedAt: number | null }
interface OptGroup { problem: ProblemName; optimizer: OptimizerName; label: string; lr: number; runs: OptRun[] }
interface OptData { setup: OptSetup; results: OptGroup[] }
interface OptTiming { note: string; results: { problem: ProblemName; optimizer: string; lr: number; epochMs: number[][] }[] }

/** A diverged run's loss is its first epoch's (no progress), so divergence counts against the method. */
const scoredLoss = (r: OptRun): number => (r.divergedAt !== null || !Number.isFinite(r.finalTrainLoss) ? r.loss[0] : r.finalTrainLoss);

export const optimizersStudy: Study<OptData, OptTiming> = {
  id: "optimizers",
  title: "Optimizers",
  claim: "Momentum, Nesterov and the adaptive methods (RMSprop, Adam, AdamW) reach a lower training loss than plain SGD in the same number of epochs on each problem, when every method gets the learning rate chosen for it on validation from the same grid.",
  units: (config) => PROBLEM_NAMES.length * OPTIMIZERS.length * setup(config).grid.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const results: OptData["results"] = [];
    const timing: OptTiming = { note: "Wall-clock milliseconds per epoch (training and metrics, no validation) on the machine that ran the study; not deterministic.", results: [] };
    for (const problem of PROBLEM_NAMES) {
      for (const spec of OPTIMIZERS) {
        for (const lr of s.grid) {
          const epochMs: number[][] = [];
          const runs = seedsFor(ctx).map((seed): OptRun => {
            const { train, validation, test } = prepareValidationSplit(PROBLEMS[problem].load(seed), seed);
            const classes = train.numClasses;
            const model = buildMlp({ inputs: train.x.shape[1], hidden: SEED_HIDDEN, outputs: classes === 2 ? 1 : classes, seed });
            const r = runTraining(model, { optimizer: spec.make(model.parameters(), lr), train, validation, test, epochs: s.epochs, batchSize: s.batchSize, seed });
            ctx.tick(`${problem}, ${spec.name}, lr ${lr}, seed ${seed}`);
            epochMs.push(r.epochMs);
            return { seed, loss: r.loss, finalTrainLoss: r.finalTrainLoss, validationLoss: r.validationLoss, testAccuracy: r.testAccuracy, divergedAt: r.divergedAt };
          });
          results.push({ problem, optimizer: spec.name, label: spec.label, lr, runs });
          timing.results.push({ problem, optimizer: spec.name, lr, epochMs });
        }
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
    const tunedContrasts: Contrast[] = [];
    const defaultContrasts: Contrast[] = [];
    const tunedByProblem: Record<string, OptGroup[]> = {};
    const headers = ["optimizer", "lr", `train loss at epoch ${Math.max(1, Math.floor(s.epochs / 4))}`, `final train loss (epoch ${s.epochs})`, "validation loss", "test acc. (%)", "diverged"];
    const row = (g: OptGroup): string[] => {
      const diverged = g.runs.filter((r) => r.divergedAt !== null).length;
      return [
        g.label, String(g.lr),
        formatCI(geometricMeanCI(g.runs.map((r) => r.loss[Math.max(1, Math.floor(s.epochs / 4)) - 1] ?? NaN)), 4),
        formatCI(geometricMeanCI(g.runs.map(scoredLoss)), 4),
        formatCI(geometricMeanCI(g.runs.map((r) => r.validationLoss)), 4),
        percentCI(g.runs.map((r) => r.testAccuracy)),
        diverged === 0 ? "—" : `${diverged}/${g.runs.length}`,
      ];
    };
    const vsSgd = (groups: readonly OptGroup[], into: Contrast[], problem: string): void => {
      const sgd = groups[0];
      for (const g of groups.slice(1)) {
        into.push({ label: `${problem}: final train loss, ${g.label} (lr ${g.lr}) vs SGD (lr ${sgd.lr})`, test: pairedTTest(logs(sgd.runs.map(scoredLoss)), logs(g.runs.map(scoredLoss))), expect: { kind: "less" }, scale: "ratio" });
      }
    };
    for (const problem of PROBLEM_NAMES) {
      const atDefault = OPTIMIZERS.map((o) => data.results.find((r) => r.problem === problem && r.optimizer === o.name && r.lr === (s.grid.includes(o.defaultLr) ? o.defaultLr : s.grid[0]))!);
      const tuned = OPTIMIZERS.map((o) => {
        const candidates = data.results.filter((r) => r.problem === problem && r.optimizer === o.name);
        return candidates[bestByValidation(candidates, (g) => g.runs.map((r) => r.validationLoss))];
      });
      tunedByProblem[problem] = tuned;
      vsSgd(tuned, tunedContrasts, problem);
      vsSgd(atDefault, defaultContrasts, problem);
      files[`${id}/${problem}-loss-vs-epoch.svg`] = lineChart({
        title: `${problem}: training loss, each optimizer at its tuned rate (median, 10–90 %)`, xLabel: "epoch", yLabel: "training loss (log scale)", yLog: true,
        series: tuned.map((g) => medianBandSeries(`${g.label} (lr ${g.lr})`, epochsX, g.runs.map((r) => r.loss))),
      });
      sections.push(
        `### ${problem} (${PROBLEMS[problem].description})`, "",
        "Each optimizer at the rate chosen on validation:", "",
        markdownTable(headers, tuned.map(row)),
        "At each optimizer's customary default rate:", "",
        markdownTable(headers, atDefault.map(row)),
        `![${problem} loss against epochs](${id}/${problem}-loss-vs-epoch.svg)`, "",
        `Loss against wall-clock time: [${id}/timing-${problem}-loss-vs-time.svg](${id}/timing-${problem}-loss-vs-time.svg) (a timing file, see [${id}-timing.md](${id}-timing.md)).`, "",
      );
    }
    Object.assign(files, timingReport(data, timing, id));
    const decision = decide(tunedContrasts);
    const defaults = decide(defaultContrasts);
    const best = PROBLEM_NAMES.map((p) => {
      const t = tunedByProblem[p];
      const losses = t.map((g) => geometricMeanCI(g.runs.map(scoredLoss)).mean);
      const k = losses.indexOf(Math.min(...losses));
      return `${p}: lowest ${t[k].label} at lr ${t[k].lr} (${compact(losses[k])}; SGD at lr ${t[0].lr}: ${compact(losses[0])})`;
    });
    const finding = `With tuned rates — ${best.join("; ")}. ${capitalise(decision.reason)}. At the customary default rates the same comparison is ${defaults.verdict}.`;
    const allGroups = PROBLEM_NAMES.flatMap((p) => data.results.filter((r) => r.problem === p));
    files[`${id}.md`] = [
      "# Optimizers",
      "",
      `**Claim.** ${this.claim}`,
      "",
      `**Verdict: ${decision.verdict}.** ${finding} (The per-epoch cost is in the timing report, which is not part of the byte-compared output or of the verdict.)`,
      "",
      "## Setup",
      "",
      `- Problems: ${PROBLEM_NAMES.map((p) => `${p} (${PROBLEMS[p].description})`).join("; ")}; stratified 60/20/20 train/validation/test split per seed, standardised with the training statistics.`,
      "- Model: hidden layers 64 and 32, ReLU, He-normal; one sigmoid unit with binary cross-entropy for two classes, 10 logits with softmax cross-entropy for digits.",
      `- Mini-batches of ${s.batchSize}, shuffled per epoch with the seed; ${s.epochs} epochs. Seeds ${seedsFor(config).join(", ")}: the same seed gives every optimizer and rate the same data, split, initial weights and batch order.`,
      `- Optimizers (PyTorch's update rules and defaults otherwise, docs/math_derivations.md §9): ${OPTIMIZERS.map((o) => `${o.label} (default lr ${o.defaultLr})`).join("; ")}.`,
      `- Every optimizer runs at every rate of the grid ${s.grid.join(", ")}; its **tuned** rate is the one with the lowest mean validation loss (never the test set; a rate with a diverged seed is not chosen). The customary defaults are in the grid, so the untuned comparison uses the same runs. Note that SGD at lr 0.1 and momentum 0.9 at lr 0.01 take the same effective step lr/(1 − μ) once the velocity settles, so at the defaults they are expected to end close together.`,
      "- Losses: geometric means with 95 % t intervals of ln(loss); a diverged run's loss is its first epoch's (no progress), so divergence counts against the method.",
      "",
      "## Results",
      "",
      ...sections,
      ...testsSection(decision, "Each method at its tuned rate against SGD at its tuned rate, on the same seeds, on every problem."),
      "### The same contrasts at the customary default rates",
      "",
      markdownTable(CONTRAST_HEADERS, contrastRows(defaults.contrasts), ["left", "left", "right", "right", "right", "right", "left"]),
      `At the default rates: **${defaults.verdict}** — ${defaults.reason}.`,
      "",
      "## Every rate of the grid",
      "",
      markdownTable(["problem", ...headers], allGroups.map((g) => [g.problem, ...row(g)])),
      "## Reading",
      "",
      "Momentum averages successive gradients, so steps along a consistent direction grow up to 1/(1 − μ) times while oscillating components cancel; Nesterov evaluates the gradient after the momentum step, which damps overshoot. RMSprop and Adam divide each coordinate's step by a running RMS of its gradient, which equalises the effective step size across parameters whose gradients differ by orders of magnitude; Adam adds momentum and bias correction; AdamW decouples weight decay from that rescaling. Comparing methods at one rate each compares the rates as much as the methods (Wilson et al. 2017; Choi et al. 2019), which is why the verdict rests on the tuned comparison.",
      "",
    ].join("\n");
    return { files, verdict: decision.verdict, finding };
  },
};

function timingReport(data: OptData, timing: OptTiming | undefined, id: string): Record<string, string> {
  if (timing === undefined) return {};
  const files: Record<string, string> = {};
  const rows: string[][] = [];
  for (const problem of PROBLEM_NAMES) {
    const atDefault = OPTIMIZERS.map((o) => data.results.find((r) => r.problem === problem && r.optimizer === o.name && r.lr === o.defaultLr) ?? data.results.find((r) => r.problem === problem && r.optimizer === o.name)!);
    const series = atDefault.map((g, k) => {
      const ms = timing.results.find((t) => t.problem === problem && t.optimizer === g.optimizer && t.lr === g.lr)?.epochMs ?? [];
      const n = Math.min(...g.runs.map((r) => r.loss.length));
      const cumulative: number[] = [];
      let t = 0;
      for (let e = 0; e < n; e++) { t += mean(ms.map((m) => m[e])); cumulative.push(t / 1000); }
      rows.push([problem, `${g.label} (lr ${g.lr})`, fixed(mean(ms.flat()), 2), fixed(t / 1000, 2)]);
      return { label: `${g.label} (lr ${g.lr})`, x: cumulative, y: Array.from({ length: n }, (_, e) => mean(g.runs.map((r) => r.loss[e]))), color: k };
    });
    files[`${id}/timing-${problem}-loss-vs-time.svg`] = lineChart({
      title: `${problem}: training loss against wall-clock time (mean over seeds)`, xLabel: "seconds (cumulative, mean epoch time)", yLabel: "training loss (log)", yLog: true, series,
    });
  }
  files[`${id}-timing.md`] = [
    "# Optimizers: wall-clock timing",
    "",
    "These numbers are measured, not computed, so they change from run to run and machine to machine; this file and the `timing-*` plots are excluded from the byte-for-byte comparison. The machine was shared with other work while it ran, so absolute times are noisy; the ratios between optimizers are the useful part. Each optimizer at its customary default rate.",
    "",
    markdownTable(["problem", "optimizer", "mean ms per epoch", "total seconds"], rows),
    ...PROBLEM_NAMES.map((p) => `![${p}](${id}/timing-${p}-loss-vs-time.svg)\n`),
  ].join("\n");
  return files;
}

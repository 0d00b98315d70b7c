/**
 * Study 1: the learning rate of full-batch gradient descent on the seed network and two moons,
 * from far too small to past the point where training breaks down.
 */
import { makeMoons } from "@nn/datasets";
import { SGD } from "@nn/optim";
import { capitalise, compact } from "../format.js";
import { prepareValidationSplit } from "../experiment/data.js";
import { SEED_HIDDEN, buildMlp } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { bestByValidation } from "../experiment/tuning.js";
import { epochsToReach, runTraining } from "../experiment/training.js";
import { medianBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { formatCI, markdownTable, percentCI } from "../report/markdown-table.js";
import { studyHeader } from "../report/study-header.js";
import { testsSection } from "../report/tests-section.js";
import { geometricMeanCI, logs, meanCI, pairedTTest } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { type Contrast, decide } from "../verdict.js";

interface LrSetup {
  samples: number;
  rates: number[];
  epochs: number;
  targetLoss: number;
}

function setup(config: StudyConfig): LrSetup {
  return config.quick
    ? { samples: 400, rates: [0.001, 0.01, 0.1, 1, 10], epochs: 200, targetLoss: 0.3 }
    : { samples: 1000, rates: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 20], epochs: 1000, targetLoss: 0.15 };
}

interface SeedRun {
  seed: number;
  /** Training loss at `epochs` (thinned). */
  loss: number[];
  initialLoss: number;
  finalTrainLoss: number;
  trainAccuracy: number;
  validationLoss: number;
  testAccuracy: number;
  epochsToTarget: number | null;
  divergedAt: number | null;
}

interface LrData {
  setup: LrSetup;
  epochs: number[];
  byRate: { lr: number; runs: SeedRun[] }[];
}

/**
 * A run "failed" when its numbers overflowed or it learned nothing: training accuracy within 5
 * points of the majority class (two moons is balanced: below 55 %). Judged by accuracy, not by
 * the loss, because one confidently wrong point can hold the clamped BCE loss high while every
 * other point is right — such a run is unstable, not failed, and is counted in its own column.
 */
function failed(run: SeedRun): boolean {
  return run.divergedAt !== null || !(run.trainAccuracy > 0.55);
}

function unstable(run: SeedRun): boolean {
  return !failed(run) && !(run.finalTrainLoss < run.initialLoss);
}

export const learningRateStudy: Study<LrData> = {
  id: "learning-rate",
  title: "Learning-rate sweep",
  claim: "On the seed network (2→64→32→1, ReLU, full-batch gradient descent) and two moons, the final training loss falls as the learning rate grows up to a limit, beyond which training stalls or diverges instead of converging.",
  units: (config) => setup(config).rates.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const epochs = thinEpochs(s.epochs);
    const byRate = s.rates.map((lr) => ({
      lr,
      runs: seedsFor(ctx).map((seed): SeedRun => {
        const { train, validation, test } = prepareValidationSplit(makeMoons({ n: s.samples, noise: 0.2, seed }), seed);
        const model = buildMlp({ inputs: 2, hidden: SEED_HIDDEN, outputs: 1, seed });
        const r = runTraining(model, { optimizer: new SGD(model.parameters(), { lr }), train, validation, test, epochs: s.epochs, seed });
        ctx.tick(`lr ${lr}, seed ${seed}`);
        return {
          seed, loss: sampleCurve(r.loss, epochs), initialLoss: r.loss[0], finalTrainLoss: r.finalTrainLoss, trainAccuracy: r.trainAccuracy,
          validationLoss: r.validationLoss, testAccuracy: r.testAccuracy, epochsToTarget: epochsToReach(r.loss, s.targetLoss), divergedAt: r.divergedAt,
        };
      }),
    }));
    return { data: { setup: s, epochs, byRate } };
  },

  report({ data }, config) {
    const { setup: s, byRate } = data;
    const id = "learning-rate";
    const finalLoss = (runs: SeedRun[]): number[] => runs.map((r) => r.finalTrainLoss);
    const rows = byRate.map(({ lr, runs }) => {
      const reached = runs.filter((r) => r.epochsToTarget !== null).map((r) => r.epochsToTarget ?? NaN);
      const fails = runs.filter(failed).length, unstables = runs.filter(unstable).length;
      return [
        String(lr),
        formatCI(geometricMeanCI(finalLoss(runs)), 4),
        formatCI(geometricMeanCI(runs.map((r) => r.validationLoss)), 4),
        percentCI(runs.map((r) => r.testAccuracy)),
        reached.length === 0 ? "never" : `${formatCI(meanCI(reached), 0)} (${reached.length}/${runs.length} reach it)`,
        fails === 0 ? "—" : `${fails}/${runs.length}`,
        unstables === 0 ? "—" : `${unstables}/${runs.length}`,
      ];
    });
    const curves = lineChart({
      title: "Training loss by learning rate (median, 10–90 % of seeds shaded)",
      xLabel: "epoch", yLabel: "training loss (BCE, log scale)", yLog: true,
      series: byRate.map(({ lr, runs }) => medianBandSeries(`lr ${lr}`, data.epochs, runs.map((r) => r.loss))),
    });
    const lossCI = byRate.map((b) => geometricMeanCI(finalLoss(b.runs)));
    const errCI = byRate.map((b) => meanCI(b.runs.map((r) => 1 - r.testAccuracy)));
    const finalPlot = lineChart({
      title: "Final training loss and test error against the learning rate (95 % intervals)",
      xLabel: "learning rate (log scale)", yLabel: "value (log scale)", xLog: true, yLog: true,
      series: [
        { label: "final train loss (geo. mean)", x: s.rates, y: lossCI.map((c) => c.mean), errors: { lo: lossCI.map((c) => c.lo), hi: lossCI.map((c) => c.hi) }, markers: true },
        { label: "test error (1 − acc)", x: s.rates, y: errCI.map((c) => c.mean), errors: { lo: errCI.map((c) => c.lo), hi: errCI.map((c) => c.hi) }, markers: true, dashed: true },
      ],
    });

    // The limit: the rate with the lowest geometric-mean final training loss. The claim is then
    // that each step up to it lowers the loss, and that the largest rate is worse than it.
    const geo = lossCI.map((c) => (c.n === c.of ? c.mean : Infinity));
    const bestIndex = geo.indexOf(Math.min(...geo));
    const best = byRate[bestIndex];
    const chosen = byRate[bestByValidation(byRate, (b) => b.runs.map((r) => r.validationLoss))];
    const lnLoss = (b: { runs: SeedRun[] }): number[] => logs(finalLoss(b.runs));
    const contrasts: Contrast[] = [];
    for (let i = 1; i <= bestIndex; i++) {
      contrasts.push({ label: `final train loss, lr ${byRate[i].lr} vs ${byRate[i - 1].lr}`, test: pairedTTest(lnLoss(byRate[i - 1]), lnLoss(byRate[i])), expect: { kind: "less" }, scale: "ratio" });
    }
    const largest = byRate[byRate.length - 1];
    const largestFails = largest.runs.filter(failed).length;
    // Beyond the limit: a failed run scores as no progress (its first-epoch loss), so that
    // overflowing runs count against the rate instead of dropping out of the comparison.
    const orStart = (r: SeedRun): number => (failed(r) ? r.initialLoss : r.finalTrainLoss);
    if (largest !== best) {
      contrasts.push({ label: `final train loss, lr ${largest.lr} vs ${best.lr} (failed runs at their first-epoch loss)`, test: pairedTTest(logs(best.runs.map(orStart)), logs(largest.runs.map(orStart))), expect: { kind: "greater" }, scale: "ratio" });
    }
    const decision = decide(contrasts);
    const finding = `Geometric-mean final training loss goes from ${compact(geo[0])} at lr ${byRate[0].lr} to ${compact(best === undefined ? NaN : geo[bestIndex])} at lr ${best.lr}, the lowest; at lr ${largest.lr} it is ${compact(lossCI[lossCI.length - 1].mean)} with ${largestFails}/${largest.runs.length} runs failed; validation loss chooses lr ${chosen.lr}. ${capitalise(decision.reason)}.`;

    const md = [
      ...studyHeader("Learning-rate sweep", this.claim, decision.verdict, finding),
      `- Data: two moons (makeMoons n ${s.samples}, noise 0.2), a fresh sample per seed, stratified 60/20/20 train/validation/test split, standardised with the training statistics.`,
      `- Model: the seed network 2→64→32→1, ReLU, sigmoid output, He-normal weights, zero biases; binary cross-entropy.`,
      `- Optimizer: plain gradient descent (\`SGD\`, no momentum), full batch, ${s.epochs} epochs; learning rates ${s.rates.join(", ")} (a fixed grid of about half-decade steps).`,
      `- Seeds ${seedsFor(config).join(", ")} (data sample, split, weights); the same seed gives every rate the same data and initial weights, so rates are compared seed by seed.`,
      "- Losses vary over decades, so they are summarised by the geometric mean with the 95 % t interval of ln(loss) mapped back; accuracies by the mean and its 95 % t interval. \"(n of N)\" after a value means only n seeds had a finite value.",
      `- "Epochs to loss ≤ ${s.targetLoss}": the first epoch whose training loss reaches the target, over the seeds that reach it.`,
      "- \"Failed\": the trainer stopped on a non-finite value, or the training accuracy is no better than the majority class + 5 points (55 %) — a run that learned nothing. \"Loss above start\": not failed, but the final training loss is not below the first epoch's (a confidently wrong point holds the clamped loss high); such runs can still have the best accuracy.",
      "- The best rate for generalisation is chosen on the validation split (lowest mean validation loss, a rate with a diverged seed excluded), never on the test set.",
      "",
      "## Results",
      "",
      markdownTable(["lr", "final train loss", "validation loss", "test accuracy (%)", `epochs to loss ≤ ${s.targetLoss}`, "failed", "loss above start"], rows),
      `![Training loss curves](${id}/loss-curves.svg)`,
      "",
      `![Final loss against learning rate](${id}/final-vs-lr.svg)`,
      "",
      ...testsSection(decision, `The rates up to the one with the lowest final loss (lr ${best.lr}) are compared step by step; the largest rate is compared with that one.`),
      "## Reading",
      "",
      "Gradient descent on a smooth loss converges when the step is below 2/λ_max of the loss's Hessian; the largest stable rate is set by the sharpest direction. Below it, a larger step simply travels further per epoch, which is what the left part of the table shows. Above it, the iterates overshoot along the sharp directions: with a sigmoid output and binary cross-entropy the logits blow up, the sigmoid saturates and its gradient vanishes, so the loss does not become NaN (the loss's log is clamped) but sits at a high value, or it oscillates. Where two neighbouring rates are not separated by the test, the loss has stopped improving with the rate: that is the flat part before the limit, and the verdict says so instead of calling the curve monotone. See docs/math_derivations.md §9.1 for the update rule.",
      "",
    ].join("\n");
    return { files: { [`${id}.md`]: md, [`${id}/loss-curves.svg`]: curves, [`${id}/final-vs-lr.svg`]: finalPlot }, verdict: decision.verdict, finding };
  },
};

/**
 * Study 1: the learning rate of full-batch gradient descent on the seed network and two moons,
 * from far too small to past the point where training breaks down.
 */
import { makeMoons } from "@nn/datasets";
import { SGD } from "@nn/optim";
import { compact, fixed } from "../format.js";
import { prepareSplit } from "../experiment/data.js";
import { SEED_HIDDEN, buildMlp } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { epochsToReach, runTraining } from "../experiment/training.js";
import { meanBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { markdownTable, meanStdCell, percentCell } from "../report/markdown-table.js";
import { mean, meanStd } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { studyHeader } from "../report/study-header.js";

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
  testAccuracy: number;
  epochsToTarget: number | null;
  divergedAt: number | null;
}

interface LrData {
  setup: LrSetup;
  epochs: number[];
  byRate: { lr: number; runs: SeedRun[] }[];
}

/** A run "fails" when it ends no better than it started, or its numbers overflowed. */
function failed(run: SeedRun): boolean {
  return run.divergedAt !== null || !(run.finalTrainLoss < run.initialLoss);
}

export const learningRateStudy: Study<LrData> = {
  id: "learning-rate",
  title: "Learning-rate sweep",
  claim: "On the seed network (2→64→32→1, ReLU, full-batch gradient descent) and two moons, loss falls faster as the learning rate grows up to a limit, beyond which training stalls or diverges instead of converging.",
  units: (config) => setup(config).rates.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const epochs = thinEpochs(s.epochs);
    const byRate = s.rates.map((lr) => ({
      lr,
      runs: seedsFor(ctx).map((seed): SeedRun => {
        const { train, test } = prepareSplit(makeMoons({ n: s.samples, noise: 0.2, seed }), seed);
        const model = buildMlp({ inputs: 2, hidden: SEED_HIDDEN, outputs: 1, seed });
        const r = runTraining(model, { optimizer: new SGD(model.parameters(), { lr }), train, test, epochs: s.epochs, seed });
        ctx.tick(`lr ${lr}, seed ${seed}`);
        return {
          seed, loss: sampleCurve(r.loss, epochs), initialLoss: r.loss[0], finalTrainLoss: r.finalTrainLoss,
          testAccuracy: r.testAccuracy, epochsToTarget: epochsToReach(r.loss, s.targetLoss), divergedAt: r.divergedAt,
        };
      }),
    }));
    return { data: { setup: s, epochs, byRate } };
  },

  report({ data }, config) {
    const { setup: s, byRate } = data;
    const id = "learning-rate";
    const rows = byRate.map(({ lr, runs }) => {
      const reached = runs.filter((r) => r.epochsToTarget !== null).map((r) => r.epochsToTarget ?? NaN);
      const fails = runs.filter(failed).length;
      return [
        String(lr),
        meanStdCell(meanStd(runs.map((r) => r.finalTrainLoss)), 4),
        percentCell(meanStd(runs.map((r) => r.testAccuracy))),
        reached.length === 0 ? "never" : `${fixed(mean(reached), 0)} (${reached.length}/${runs.length} seeds)`,
        fails === 0 ? "—" : `${fails}/${runs.length}`,
      ];
    });
    const curves = lineChart({
      title: "Training loss by learning rate (mean ± std over seeds)",
      xLabel: "epoch", yLabel: "training loss (BCE)", yLog: true,
      series: byRate.map(({ lr, runs }) => meanBandSeries(`lr ${lr}`, data.epochs, runs.map((r) => r.loss))),
    });
    const finalPlot = lineChart({
      title: "Final training loss and test error against the learning rate",
      xLabel: "learning rate", yLabel: "value (log scale)", xLog: true, yLog: true,
      series: [
        { label: "final train loss", x: byRate.map((b) => b.lr), y: byRate.map((b) => mean(b.runs.map((r) => r.finalTrainLoss))), markers: true },
        { label: "test error (1 − acc)", x: byRate.map((b) => b.lr), y: byRate.map((b) => 1 - mean(b.runs.map((r) => r.testAccuracy))), markers: true, dashed: true },
      ],
    });

    const meanFinal = byRate.map((b) => mean(b.runs.map((r) => r.finalTrainLoss)));
    const best = byRate[meanFinal.indexOf(Math.min(...meanFinal.filter(Number.isFinite)))];
    const firstFailing = byRate.find((b) => b.runs.some(failed));
    const smallest = byRate[0];
    const rising = byRate.slice(0, byRate.indexOf(best) + 1).every((b, i, arr) => i === 0 || mean(b.runs.map((r) => r.finalTrainLoss)) < mean(arr[i - 1].runs.map((r) => r.finalTrainLoss)));
    const breaks = firstFailing !== undefined || meanFinal[meanFinal.length - 1] > 2 * mean(best.runs.map((r) => r.finalTrainLoss));
    const verdict = rising && breaks ? "supported" : rising || breaks ? "partly supported" : "not supported";
    const finding = `Final loss falls monotonically from lr ${smallest.lr} (${compact(meanFinal[0])}) to the best rate ${best.lr} (${compact(mean(best.runs.map((r) => r.finalTrainLoss)))})`
      + (firstFailing !== undefined ? `; from lr ${firstFailing.lr} at least one seed ends no better than it started.` : "; no rate in the sweep failed outright.");

    const md = [
      ...studyHeader("Learning-rate sweep", this.claim, verdict, finding),
      `- Data: two moons (makeMoons n ${s.samples}, noise 0.2), a fresh sample per seed, stratified 75/25 split, standardised with the training statistics.`,
      `- Model: the seed network 2→64→32→1, ReLU, sigmoid output, He-normal weights, zero biases; binary cross-entropy.`,
      `- Optimizer: plain gradient descent (\`SGD\`, no momentum), full batch, ${s.epochs} epochs; learning rates ${s.rates.join(", ")}.`,
      `- Seeds ${seedsFor(config).join(", ")} (data sample, split, weights). Mean ± sample std over seeds.`,
      `- "Epochs to loss ≤ ${s.targetLoss}": the first epoch whose training loss reaches the target, averaged over the seeds that reach it.`,
      `- "Failed": the run's final loss is not below its first-epoch loss, or the trainer stopped on a non-finite value.`,
      "",
      "## Results",
      "",
      markdownTable(["lr", "final train loss", "test accuracy (%)", `epochs to loss ≤ ${s.targetLoss}`, "failed"], rows),
      `![Training loss curves](${id}/loss-curves.svg)`,
      "",
      `![Final loss against learning rate](${id}/final-vs-lr.svg)`,
      "",
      "## Reading",
      "",
      "Gradient descent on a smooth loss converges when the step is below 2/λ_max of the loss's Hessian; the largest stable rate is set by the sharpest direction. Below it, a larger step simply travels further per epoch, which is what the left part of the table shows. Above it, the iterates overshoot along the sharp directions: with a sigmoid output and binary cross-entropy the logits blow up, the sigmoid saturates and its gradient vanishes, so the loss does not become NaN (the loss's log is clamped) but sits at a high value, or it oscillates. See docs/math_derivations.md §9.1 for the update rule.",
      "",
    ].join("\n");
    return { files: { [`${id}.md`]: md, [`${id}/loss-curves.svg`]: curves, [`${id}/final-vs-lr.svg`]: finalPlot }, verdict, finding };
  },
};

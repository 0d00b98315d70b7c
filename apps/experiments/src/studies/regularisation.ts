/**
 * Study 5: a large network on a small, noisy training set overfits; L2 (as a loss term) and
 * dropout at several strengths, the train/test gap, and the decision boundaries side by side.
 */
import { L2Penalty, PenalisedLoss } from "@nn/layers";
import { makeMoons, trainTestSplit, StandardScaler } from "@nn/datasets";
import { Adam } from "@nn/optim";
import { fixed } from "../format.js";
import { decisionMaps, type ProbabilityGrid } from "../plot/decision-map.js";
import { mapPoints, probabilityGrid } from "../experiment/decision-grid.js";
import { buildMlp } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { lossFor, runTraining } from "../experiment/training.js";
import { meanBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { markdownTable, meanStdCell, percentCell } from "../report/markdown-table.js";
import { mean, meanStd } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { studyHeader } from "../report/study-header.js";

interface Regulariser { id: string; label: string; l2: number; dropout: number }
const REGULARISERS: readonly Regulariser[] = [
  { id: "none", label: "none", l2: 0, dropout: 0 },
  { id: "l2-1e-4", label: "L2 λ=1e-4", l2: 1e-4, dropout: 0 },
  { id: "l2-1e-3", label: "L2 λ=1e-3", l2: 1e-3, dropout: 0 },
  { id: "l2-3e-3", label: "L2 λ=3e-3", l2: 3e-3, dropout: 0 },
  { id: "l2-1e-2", label: "L2 λ=1e-2", l2: 1e-2, dropout: 0 },
  { id: "l2-3e-2", label: "L2 λ=3e-2", l2: 3e-2, dropout: 0 },
  { id: "l2-1e-1", label: "L2 λ=1e-1", l2: 1e-1, dropout: 0 },
  { id: "dropout-0.1", label: "dropout 0.1", l2: 0, dropout: 0.1 },
  { id: "dropout-0.3", label: "dropout 0.3", l2: 0, dropout: 0.3 },
  { id: "dropout-0.5", label: "dropout 0.5", l2: 0, dropout: 0.5 },
];
const TRAIN_SIZE = 60;
const HIDDEN = [128, 128];

interface RegSetup { trainSize: number; testSize: number; noise: number; epochs: number; lr: number; mapResolution: number }

function setup(config: StudyConfig): RegSetup {
  return config.quick
    ? { trainSize: TRAIN_SIZE, testSize: 500, noise: 0.3, epochs: 200, lr: 0.01, mapResolution: 30 }
    : { trainSize: TRAIN_SIZE, testSize: 1000, noise: 0.3, epochs: 1000, lr: 0.01, mapResolution: 40 };
}

interface RegRun { seed: number; trainLoss: number[]; trainAccuracy: number; testAccuracy: number; finalTrainLoss: number; testLoss: number }
interface RegData {
  setup: RegSetup;
  epochs: number[];
  results: { regulariser: string; label: string; runs: RegRun[] }[];
  /** Seed 0's decision maps and training points. */
  maps: { regulariser: string; grid: ProbabilityGrid }[];
  points: { x: number; y: number; label: number }[];
}

export const regularisationStudy: Study<RegData> = {
  id: "regularisation",
  title: "Regularisation: L2 and dropout",
  claim: `A 2→128→128→1 network trained to convergence on ${TRAIN_SIZE} noisy points overfits (training accuracy well above test accuracy); moderate L2 or dropout narrows the train/test gap and raises test accuracy, and too strong a penalty underfits.`,
  units: (config) => REGULARISERS.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const epochs = thinEpochs(s.epochs, 150);
    const maps: RegData["maps"] = [];
    let points: RegData["points"] = [];
    const results = REGULARISERS.map((reg) => ({
      regulariser: reg.id, label: reg.label,
      runs: seedsFor(ctx).map((seed): RegRun => {
        const split = trainTestSplit(makeMoons({ n: s.trainSize + s.testSize, noise: s.noise, seed }), { testSize: s.testSize, stratify: true, seed });
        const scaler = new StandardScaler().fit(split.train.x);
        const train = { ...split.train, x: scaler.transform(split.train.x) };
        const test = { ...split.test, x: scaler.transform(split.test.x) };
        const model = buildMlp({ inputs: 2, hidden: HIDDEN, outputs: 1, dropout: reg.dropout, seed });
        const loss = reg.l2 > 0 ? new PenalisedLoss(lossFor(1), [new L2Penalty(model.parameters(), { lambda: reg.l2 })]) : undefined;
        const r = runTraining(model, { loss, optimizer: new Adam(model.parameters(), { lr: s.lr }), train, test, epochs: s.epochs, seed });
        if (seed === 0) {
          maps.push({ regulariser: reg.id, grid: probabilityGrid(model, train, s.mapResolution) });
          points = mapPoints(train);
        }
        ctx.tick(`${reg.label}, seed ${seed}`);
        return { seed, trainLoss: sampleCurve(r.loss, epochs), trainAccuracy: r.trainAccuracy, testAccuracy: r.testAccuracy, finalTrainLoss: r.finalTrainLoss, testLoss: r.testLoss };
      }),
    }));
    return { data: { setup: s, epochs, results, maps, points } };
  },

  report({ data }, config) {
    const id = "regularisation";
    const s = data.setup;
    const gap = (r: RegRun): number => r.trainAccuracy - r.testAccuracy;
    const rows = data.results.map((g) => [
      g.label,
      percentCell(meanStd(g.runs.map((r) => r.trainAccuracy))),
      percentCell(meanStd(g.runs.map((r) => r.testAccuracy))),
      percentCell(meanStd(g.runs.map(gap))),
      meanStdCell(meanStd(g.runs.map((r) => r.finalTrainLoss)), 3),
      meanStdCell(meanStd(g.runs.map((r) => r.testLoss)), 3),
    ]);
    const maps = decisionMaps({
      title: `Decision boundaries after ${s.epochs} epochs (seed 0, ${s.trainSize} training points)`,
      columns: 5,
      panels: data.maps.map((m) => ({ title: REGULARISERS.find((r) => r.id === m.regulariser)?.label ?? m.regulariser, grid: m.grid, points: data.points })),
    });
    const lossPlot = lineChart({
      title: "Training loss (data term only for dropout; data + L2 term for L2)", xLabel: "epoch", yLabel: "training loss (log)", yLog: true,
      series: data.results.map((g) => meanBandSeries(g.label, data.epochs, g.runs.map((r) => r.trainLoss))),
    });
    const testAcc = data.results.map((g) => mean(g.runs.map((r) => r.testAccuracy)));
    const gaps = data.results.map((g) => mean(g.runs.map(gap)));
    const none = 0;
    const best = testAcc.indexOf(Math.max(...testAcc));
    const strongest = data.results.findIndex((g) => g.regulariser === "l2-1e-1");
    const overfits = gaps[none] > 0.05;
    const helps = best !== none && gaps[best] < gaps[none];
    // Underfitting: the strongest penalty fits the training set worse than no penalty AND is past
    // the best test accuracy (a penalty that is still the best is not yet too strong).
    const underfits = mean(data.results[strongest].runs.map((r) => r.trainAccuracy)) < mean(data.results[none].runs.map((r) => r.trainAccuracy))
      && testAcc[strongest] < testAcc[best];
    const checks = [overfits, helps, underfits].filter(Boolean).length;
    const verdict = checks === 3 ? "supported" : checks >= 1 ? "partly supported" : "not supported";
    const finding = `Unregularised: train/test gap ${fixed(100 * gaps[none], 1)} points, test accuracy ${fixed(100 * testAcc[none], 1)}%; best test accuracy ${fixed(100 * testAcc[best], 1)}% with ${data.results[best].label} (gap ${fixed(100 * gaps[best], 1)} points); the strongest, ${data.results[strongest].label}, gets ${fixed(100 * testAcc[strongest], 1)}% test and ${fixed(100 * mean(data.results[strongest].runs.map((r) => r.trainAccuracy)), 1)}% training accuracy.`;
    const md = [
      ...studyHeader("Regularisation: L2 and dropout", this.claim, verdict, finding),
      `- Data: two moons with noise ${s.noise}: ${s.trainSize} training points and ${s.testSize} test points drawn from the same distribution (one makeMoons sample per seed, split stratified), standardised with the training statistics.`,
      `- Model: 2→${HIDDEN.join("→")}→1, ReLU, He-normal, sigmoid output, binary cross-entropy. Full-batch Adam, lr ${s.lr}, ${s.epochs} epochs.`,
      "- L2: `L2Penalty` from @nn/layers added to the loss, R = (λ/2)·Σw² over the Dense weights (not the biases), docs/math_derivations.md §4.7. Dropout: inverted dropout after each hidden activation (§5), off at evaluation.",
      `- Seeds ${seedsFor(config).join(", ")} (data, split, weights, dropout masks). Accuracy in %, gap = train − test accuracy in points; losses are the data term (binary cross-entropy) only, in eval mode.`,
      "",
      "## Results",
      "",
      markdownTable(["regulariser", "train acc. (%)", "test acc. (%)", "gap (points)", "train loss", "test loss"], rows),
      `![Decision boundaries side by side](${id}/decision-boundaries.svg)`,
      "",
      `![Training loss curves](${id}/loss-curves.svg)`,
      "",
      "## Reading",
      "",
      "With 60 points and ~17,000 parameters the unregularised network can carve a boundary around individual noisy points; its training loss heads to zero while the test loss grows. The L2 gradient λ·w pulls every weight towards zero in proportion to its size, which favours smoother functions; dropout trains an ensemble of thinned networks that must not rely on any single unit. Both trade training fit for smoothness: a little narrows the gap, a lot (the largest λ here) leaves too simple a boundary.",
      "",
    ].join("\n");
    return { files: { [`${id}.md`]: md, [`${id}/decision-boundaries.svg`]: maps, [`${id}/loss-curves.svg`]: lossPlot }, verdict, finding };
  },
};

/**
 * Study 2: the hidden-layer nonlinearity of the seed network (ReLU, sigmoid, tanh, GELU), its
 * convergence speed, and how much gradient reaches each layer over the whole of training
 * (gradient flow) — at one shared learning rate and at each activation's own rate chosen on the
 * validation split from the same grid.
 */
import { makeMoons } from "@nn/datasets";
import { SGD } from "@nn/optim";
import { elementary } from "@nn/tensor";
import { capitalise, compact } from "../format.js";
import { prepareValidationSplit } from "../experiment/data.js";
import { type ActivationName, SEED_HIDDEN, buildMlp } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { bestByValidation } from "../experiment/tuning.js";
import { epochsToReach, runTraining } from "../experiment/training.js";
import { medianBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { formatCI, markdownTable, percentCI } from "../report/markdown-table.js";
import { studyHeader } from "../report/study-header.js";
import { testsSection } from "../report/tests-section.js";
import { geometricMeanCI, meanCI, pairedTTest } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { CONTRAST_HEADERS, type Contrast, contrastRows, decide } from "../verdict.js";

const ACTIVATIONS: readonly { name: ActivationName; label: string; init: "he-normal" | "xavier-normal" }[] = [
  { name: "relu", label: "ReLU", init: "he-normal" },
  { name: "sigmoid", label: "sigmoid", init: "xavier-normal" },
  { name: "tanh", label: "tanh", init: "xavier-normal" },
  { name: "gelu", label: "GELU", init: "he-normal" },
];

interface ActSetup { samples: number; epochs: number; sharedLr: number; grid: number[]; targetLoss: number }

function setup(config: StudyConfig): ActSetup {
  return config.quick
    ? { samples: 400, epochs: 150, sharedLr: 0.1, grid: [0.1, 1], targetLoss: 0.35 }
    : { samples: 600, epochs: 400, sharedLr: 0.1, grid: [0.1, 0.3, 1], targetLoss: 0.25 };
}

interface ActRun {
  seed: number;
  loss: number[];
  /** Per thinned epoch: gradient norm of each Dense layer (input layer first). */
  gradNorms: number[][];
  /** Mean over every epoch of ln(‖∇ first layer‖ / ‖∇ last layer‖): the gradient reaching the input side over training. */
  meanLogRatio: number;
  /** The same ratio at epoch 1 and at the last epoch (not logged). */
  ratioFirst: number;
  ratioLast: number;
  finalTrainLoss: number;
  validationLoss: number;
  testAccuracy: number;
  epochsToTarget: number | null;
}

interface ActGroup { activation: ActivationName; label: string; init: string; lr: number; runs: ActRun[] }
interface ActData { setup: ActSetup; epochs: number[]; groups: ActGroup[] }

const ratio = (g: readonly number[]): number => g[0] / g[g.length - 1];

export const activationsStudy: Study<ActData> = {
  id: "activations",
  title: "Activation functions and gradient flow",
  claim: "With the same network and learning rate, sigmoid hidden layers train slowest, because the sigmoid's derivative (at most 1/4) shrinks the gradient that reaches the earlier layers over training; ReLU, tanh and GELU pass relatively more gradient back to the input layer and converge faster.",
  units: (config) => ACTIVATIONS.length * setup(config).grid.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const epochs = thinEpochs(s.epochs, 60);
    const groups: ActGroup[] = [];
    for (const { name, label, init } of ACTIVATIONS) {
      for (const lr of s.grid) {
        const runs = seedsFor(ctx).map((seed): ActRun => {
          const { train, validation, test } = prepareValidationSplit(makeMoons({ n: s.samples, noise: 0.2, seed }), seed);
          const model = buildMlp({ inputs: 2, hidden: SEED_HIDDEN, outputs: 1, activation: name, init, seed });
          const r = runTraining(model, { optimizer: new SGD(model.parameters(), { lr }), train, validation, test, epochs: s.epochs, seed });
          ctx.tick(`${label}, lr ${lr}, seed ${seed}`);
          let sumLog = 0;
          for (const g of r.gradNorms) sumLog += elementary.log(ratio(g));
          return {
            seed, loss: sampleCurve(r.loss, epochs), gradNorms: epochs.filter((e) => e <= r.gradNorms.length).map((e) => r.gradNorms[e - 1]),
            meanLogRatio: r.gradNorms.length === 0 ? NaN : sumLog / r.gradNorms.length,
            ratioFirst: ratio(r.gradNorms[0]), ratioLast: ratio(r.gradNorms[r.gradNorms.length - 1]),
            finalTrainLoss: r.finalTrainLoss, validationLoss: r.validationLoss, testAccuracy: r.testAccuracy, epochsToTarget: epochsToReach(r.loss, s.targetLoss),
          };
        });
        groups.push({ activation: name, label, init, lr, runs });
      }
    }
    return { data: { setup: s, epochs, groups } };
  },

  report({ data }, config) {
    const id = "activations";
    const s = data.setup;
    const shared = ACTIVATIONS.map((a) => data.groups.find((g) => g.activation === a.name && g.lr === s.sharedLr)!);
    const tuned = ACTIVATIONS.map((a) => {
      const candidates = data.groups.filter((g) => g.activation === a.name);
      return candidates[bestByValidation(candidates, (g) => g.runs.map((r) => r.validationLoss))];
    });
    /** Epochs to the target loss, a run that never reaches it counted at epochs + 1 (censored). */
    const speed = (g: ActGroup): number[] => g.runs.map((r) => r.epochsToTarget ?? s.epochs + 1);
    const row = (g: ActGroup): string[] => {
      const reached = g.runs.filter((r) => r.epochsToTarget !== null).length;
      return [
        `${g.label} (${g.init})`, String(g.lr),
        formatCI(geometricMeanCI(g.runs.map((r) => r.finalTrainLoss)), 4),
        percentCI(g.runs.map((r) => r.testAccuracy)),
        `${formatCI(meanCI(speed(g)), 0)} (${reached}/${g.runs.length} reach it)`,
        formatCI(geometricMeanCI(g.runs.map((r) => r.ratioFirst)), 3),
        formatCI(geometricMeanCI(g.runs.map((r) => elementary.exp(r.meanLogRatio))), 3),
        formatCI(geometricMeanCI(g.runs.map((r) => r.ratioLast)), 3),
      ];
    };
    const headers = ["activation (init)", "lr", "final train loss", "test acc. (%)", `epochs to loss ≤ ${s.targetLoss}`, "‖∇₁‖/‖∇₃‖ epoch 1", "‖∇₁‖/‖∇₃‖ over training", "‖∇₁‖/‖∇₃‖ last epoch"];
    const contrastsFor = (groups: readonly ActGroup[]): Contrast[] => {
      const sig = groups[1];
      return groups.filter((g) => g !== sig).flatMap((g): Contrast[] => [
        { label: `epochs to loss ≤ ${s.targetLoss}: sigmoid (lr ${sig.lr}) vs ${g.label} (lr ${g.lr})`, test: pairedTTest(speed(g), speed(sig)), expect: { kind: "greater" }, scale: "difference", digits: 0 },
        { label: `‖∇₁‖/‖∇₃‖ over training: sigmoid vs ${g.label}`, test: pairedTTest(g.runs.map((r) => r.meanLogRatio), sig.runs.map((r) => r.meanLogRatio)), expect: { kind: "less" }, scale: "ratio" },
      ]);
    };
    const decision = decide(contrastsFor(shared));
    const tunedDecision = decide(contrastsFor(tuned));

    const lossPlot = (groups: readonly ActGroup[], what: string): string => lineChart({
      title: `Training loss by hidden activation, ${what} (median, 10–90 % shaded)`, xLabel: "epoch", yLabel: "training loss (BCE, log scale)", yLog: true,
      series: groups.map((g) => medianBandSeries(`${g.label} (lr ${g.lr})`, data.epochs, g.runs.map((r) => r.loss))),
    });
    const ratioPlot = lineChart({
      title: `Input-layer over output-layer gradient norm during training, lr ${s.sharedLr} (median, 10–90 %)`, xLabel: "epoch", yLabel: "‖∇ layer 1‖ / ‖∇ layer 3‖ (log scale)", yLog: true,
      series: shared.map((g) => medianBandSeries(g.label, data.epochs, g.runs.map((r) => r.gradNorms.map(ratio)))),
    });
    const layerNames = ["input layer (2→64)", "hidden layer (64→32)", "output layer (32→1)"];
    const gradPlots: Record<string, string> = {};
    layerNames.forEach((layerName, k) => {
      gradPlots[`${id}/grad-norm-layer${k + 1}.svg`] = lineChart({
        title: `Gradient norm of the ${layerName} weights and bias, lr ${s.sharedLr}`, xLabel: "epoch", yLabel: "‖∂L/∂θ‖₂ (log scale)", yLog: true,
        series: shared.map((g) => medianBandSeries(g.label, data.epochs, g.runs.map((r) => r.gradNorms.map((n) => n[k])))),
      });
    });

    const sig = shared[1];
    const ratioText = (g: ActGroup): string => compact(geometricMeanCI(g.runs.map((r) => elementary.exp(r.meanLogRatio))).mean);
    const finding = `At lr ${s.sharedLr} sigmoid needs ${compact(meanCI(speed(sig)).mean, 0)} epochs to loss ${s.targetLoss} (ReLU ${compact(meanCI(speed(shared[0])).mean, 0)}, tanh ${compact(meanCI(speed(shared[2])).mean, 0)}, GELU ${compact(meanCI(speed(shared[3])).mean, 0)}; never reached = ${s.epochs + 1}), and over training its input layer gets ${ratioText(sig)}× the output layer's gradient norm (ReLU ${ratioText(shared[0])}×, tanh ${ratioText(shared[2])}×, GELU ${ratioText(shared[3])}×). ${capitalise(decision.reason)}. With each activation's rate chosen on validation (${tuned.map((g) => `${g.label} ${g.lr}`).join(", ")}) the same tests are ${tunedDecision.verdict}.`;
    const md = [
      ...studyHeader("Activation functions and gradient flow", this.claim, decision.verdict, finding),
      `- Data: two moons (makeMoons n ${s.samples}, noise 0.2), a sample per seed, stratified 60/20/20 train/validation/test split, standardised with the training statistics.`,
      `- Model: 2→64→32→1 with the activation under test in both hidden layers, sigmoid output, binary cross-entropy. Weights: He-normal for ReLU and GELU, Xavier-normal for sigmoid and tanh (each with the init its variance argument assumes, docs/math_derivations.md §8).`,
      `- Full-batch gradient descent, ${s.epochs} epochs, every activation at every learning rate of the grid ${s.grid.join(", ")}. The claim's comparison is at the shared rate ${s.sharedLr}; the tuned comparison gives each activation the rate with the lowest mean validation loss (never the test set).`,
      `- Seeds ${seedsFor(config).join(", ")}; the same seed gives every activation and rate the same data and split (the initial weights differ only through the init scheme). Means with 95 % t intervals; losses and gradient ratios as geometric means.`,
      `- Gradient norms: @nn/train's per-layer norms (weights and bias of each Dense layer together) of the full-batch gradient at every epoch. "Over training" is the geometric mean of the ratio over all ${s.epochs} epochs of a run, so the mechanism is judged on the whole run, not on one step.`,
      `- "Epochs to loss ≤ ${s.targetLoss}": a run that never reaches the target is counted at ${s.epochs + 1} (a lower bound on its true time).`,
      "",
      `## Results at the shared rate ${s.sharedLr}`,
      "",
      markdownTable(headers, shared.map(row)),
      `![Loss curves at the shared rate](${id}/loss-curves.svg)`,
      "",
      `![Gradient ratio during training](${id}/grad-ratio.svg)`,
      "",
      `![Gradient norm, input layer](${id}/grad-norm-layer1.svg)`,
      "",
      `![Gradient norm, hidden layer](${id}/grad-norm-layer2.svg)`,
      "",
      `![Gradient norm, output layer](${id}/grad-norm-layer3.svg)`,
      "",
      ...testsSection(decision, `Sigmoid against each other activation, on speed and on the gradient ratio over training, all at lr ${s.sharedLr}.`),
      "## Each activation at its own rate (chosen on validation)",
      "",
      markdownTable(headers, tuned.map(row)),
      `![Loss curves at the tuned rates](${id}/loss-curves-tuned.svg)`,
      "",
      markdownTable(CONTRAST_HEADERS, contrastRows(tunedDecision.contrasts), ["left", "left", "right", "right", "right", "right", "left"]),
      `With tuned rates the same contrasts are **${tunedDecision.verdict}** — ${tunedDecision.reason}.`,
      "",
      "## Every rate of the grid",
      "",
      markdownTable(headers, data.groups.map(row)),
      "## Reading",
      "",
      "Backpropagation multiplies the upstream gradient by the activation's derivative at every hidden layer (docs/math_derivations.md §2, §3). ReLU's derivative is 1 on the active half, tanh's is 1 at the origin, GELU's is close to ReLU's; the sigmoid's is at most 1/4 and its outputs are not centred on zero. The ratio columns measure how the gradient is split between the input and the output layer — at the first step, averaged over the whole run, and at the end — so whether the sigmoid's small derivative is what slows it can be read over training rather than at one step. A shared learning rate favours whichever activation it happens to suit; the tuned table shows whether the ranking survives giving each activation its own rate.",
      "",
    ].join("\n");
    return {
      files: { [`${id}.md`]: md, [`${id}/loss-curves.svg`]: lossPlot(shared, `lr ${s.sharedLr}`), [`${id}/loss-curves-tuned.svg`]: lossPlot(tuned, "tuned rates"), [`${id}/grad-ratio.svg`]: ratioPlot, ...gradPlots },
      verdict: decision.verdict, finding,
    };
  },
};

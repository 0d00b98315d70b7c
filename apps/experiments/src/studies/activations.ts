/**
 * Study 2: the hidden-layer nonlinearity of the seed network (ReLU, sigmoid, tanh, GELU), its
 * convergence speed, and how much gradient reaches each layer over training (gradient flow).
 */
import { makeMoons } from "@nn/datasets";
import { SGD } from "@nn/optim";
import { compact, fixed } from "../format.js";
import { prepareSplit } from "../experiment/data.js";
import { type ActivationName, SEED_HIDDEN, buildMlp } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { epochsToReach, runTraining } from "../experiment/training.js";
import { meanBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { markdownTable, meanStdCell, percentCell } from "../report/markdown-table.js";
import { mean, meanStd } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { studyHeader } from "../report/study-header.js";

const ACTIVATIONS: readonly { name: ActivationName; label: string; init: "he-normal" | "xavier-normal" }[] = [
  { name: "relu", label: "ReLU", init: "he-normal" },
  { name: "sigmoid", label: "sigmoid", init: "xavier-normal" },
  { name: "tanh", label: "tanh", init: "xavier-normal" },
  { name: "gelu", label: "GELU", init: "he-normal" },
];

interface ActSetup { samples: number; epochs: number; lr: number; targetLoss: number }

function setup(config: StudyConfig): ActSetup {
  return config.quick ? { samples: 400, epochs: 200, lr: 0.1, targetLoss: 0.35 } : { samples: 1000, epochs: 1000, lr: 0.1, targetLoss: 0.25 };
}

interface ActRun {
  seed: number;
  loss: number[];
  /** Per thinned epoch: gradient norm of each Dense layer (input layer first). */
  gradNorms: number[][];
  finalTrainLoss: number;
  testAccuracy: number;
  epochsToTarget: number | null;
}

interface ActData {
  setup: ActSetup;
  epochs: number[];
  byActivation: { activation: ActivationName; label: string; init: string; runs: ActRun[] }[];
}

export const activationsStudy: Study<ActData> = {
  id: "activations",
  title: "Activation functions and gradient flow",
  claim: "With the same network and learning rate, sigmoid hidden layers train slowest, because the sigmoid's derivative (at most 1/4) shrinks the gradient that reaches the earlier layers; ReLU, tanh and GELU pass more gradient back and converge faster.",
  units: (config) => ACTIVATIONS.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const epochs = thinEpochs(s.epochs, 150);
    const byActivation = ACTIVATIONS.map(({ name, label, init }) => ({
      activation: name, label, init,
      runs: seedsFor(ctx).map((seed): ActRun => {
        const { train, test } = prepareSplit(makeMoons({ n: s.samples, noise: 0.2, seed }), seed);
        const model = buildMlp({ inputs: 2, hidden: SEED_HIDDEN, outputs: 1, activation: name, init, seed });
        const r = runTraining(model, { optimizer: new SGD(model.parameters(), { lr: s.lr }), train, test, epochs: s.epochs, seed });
        ctx.tick(`${label}, seed ${seed}`);
        return {
          seed, loss: sampleCurve(r.loss, epochs), gradNorms: epochs.filter((e) => e <= r.gradNorms.length).map((e) => r.gradNorms[e - 1]),
          finalTrainLoss: r.finalTrainLoss, testAccuracy: r.testAccuracy, epochsToTarget: epochsToReach(r.loss, s.targetLoss),
        };
      }),
    }));
    return { data: { setup: s, epochs, byActivation } };
  },

  report({ data }, config) {
    const id = "activations";
    const s = data.setup;
    /** Gradient norm of the first Dense layer over that of the last, at thinned epoch index k. */
    const ratioAt = (runs: ActRun[], k: (r: ActRun) => number): number[] => runs.map((r) => r.gradNorms[k(r)][0] / r.gradNorms[k(r)][r.gradNorms[k(r)].length - 1]);
    const rows = data.byActivation.map(({ label, init, runs }) => {
      const reached = runs.map((r) => r.epochsToTarget).filter((e): e is number => e !== null);
      return [
        `${label} (${init})`,
        meanStdCell(meanStd(runs.map((r) => r.finalTrainLoss)), 4),
        percentCell(meanStd(runs.map((r) => r.testAccuracy))),
        reached.length === 0 ? "never" : `${fixed(mean(reached), 0)} (${reached.length}/${runs.length})`,
        meanStdCell(meanStd(runs.map((r) => r.gradNorms[0][0])), 4),
        meanStdCell(meanStd(ratioAt(runs, () => 0)), 3),
        meanStdCell(meanStd(ratioAt(runs, (r) => r.gradNorms.length - 1)), 3),
      ];
    });
    const lossPlot = lineChart({
      title: "Training loss by hidden activation (mean ± std over seeds)", xLabel: "epoch", yLabel: "training loss (BCE)", yLog: true,
      series: data.byActivation.map((b) => meanBandSeries(b.label, data.epochs, b.runs.map((r) => r.loss))),
    });
    const layerNames = ["input layer (2→64)", "hidden layer (64→32)", "output layer (32→1)"];
    const gradPlots: Record<string, string> = {};
    layerNames.forEach((layerName, k) => {
      gradPlots[`${id}/grad-norm-layer${k + 1}.svg`] = lineChart({
        title: `Gradient norm of the ${layerName} weights and bias`, xLabel: "epoch", yLabel: "‖∂L/∂θ‖₂ (log scale)", yLog: true,
        series: data.byActivation.map((b) => meanBandSeries(b.label, data.epochs, b.runs.map((r) => r.gradNorms.map((g) => g[k])))),
      });
    });

    const speed = data.byActivation.map((b) => {
      const reached = b.runs.map((r) => r.epochsToTarget ?? Infinity);
      return mean(reached.map((e) => (Number.isFinite(e) ? e : s.epochs + 1)));
    });
    const ratio0 = data.byActivation.map((b) => mean(ratioAt(b.runs, () => 0)));
    const sig = data.byActivation.findIndex((b) => b.activation === "sigmoid");
    const slowest = speed.indexOf(Math.max(...speed));
    const smallestRatio = ratio0.indexOf(Math.min(...ratio0));
    const verdict = slowest === sig && smallestRatio === sig ? "supported" : slowest === sig || smallestRatio === sig ? "partly supported" : "not supported";
    const finding = `Sigmoid ${slowest === sig ? "is the slowest" : "is not the slowest"} to reach loss ${s.targetLoss} and at step 0 its input layer gets ${compact(ratio0[sig])}× the output layer's gradient norm (ReLU ${compact(ratio0[0])}×, tanh ${compact(ratio0[2])}×, GELU ${compact(ratio0[3])}×).`;
    const md = [
      ...studyHeader("Activation functions and gradient flow", this.claim, verdict, finding),
      `- Data: two moons (makeMoons n ${s.samples}, noise 0.2), a sample per seed, stratified 75/25 split, standardised.`,
      `- Model: 2→64→32→1 with the activation under test in both hidden layers, sigmoid output, binary cross-entropy. Weights: He-normal for ReLU and GELU, Xavier-normal for sigmoid and tanh (each with the init its variance argument assumes, docs/math_derivations.md §8).`,
      `- Full-batch gradient descent, lr ${s.lr}, ${s.epochs} epochs. Seeds ${seedsFor(config).join(", ")}; mean ± sample std.`,
      "- Gradient norms: @nn/train's per-layer norms (weights and bias of each Dense layer together) at the last batch of each epoch, i.e. of the full-batch gradient.",
      "",
      "## Results",
      "",
      markdownTable(["activation (init)", "final train loss", "test acc. (%)", `epochs to loss ≤ ${s.targetLoss}`, "‖∇ layer 1‖ at epoch 1", "‖∇ layer 1‖ / ‖∇ layer 3‖, epoch 1", "same ratio, last epoch"], rows),
      `![Loss curves](${id}/loss-curves.svg)`,
      "",
      `![Gradient norm, input layer](${id}/grad-norm-layer1.svg)`,
      "",
      `![Gradient norm, hidden layer](${id}/grad-norm-layer2.svg)`,
      "",
      `![Gradient norm, output layer](${id}/grad-norm-layer3.svg)`,
      "",
      "## Reading",
      "",
      "Backpropagation multiplies the upstream gradient by the activation's derivative at every hidden layer (docs/math_derivations.md §2, §3). ReLU's derivative is 1 on the active half, tanh's is 1 at the origin, GELU's is close to ReLU's; the sigmoid's is at most 1/4 and its outputs are not centred on zero, so the gradient reaching the input layer is smaller and the updates of the first layer are slower. The ratio columns show how the gradient norm is distributed over depth at the start and at the end of training.",
      "",
    ].join("\n");
    return { files: { [`${id}.md`]: md, [`${id}/loss-curves.svg`]: lossPlot, ...gradPlots }, verdict, finding };
  },
};

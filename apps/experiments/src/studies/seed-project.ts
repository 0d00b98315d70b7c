/**
 * Study 9: the seed project reproduced — its exact protocol and its three experiments (learning
 * rates, ReLU vs sigmoid hidden layers, Xavier vs He), with ≥ 10 seeds, next to PyTorch's numbers
 * for the same protocol, and a float64 run checked epoch by epoch against an independent NumPy
 * implementation of the seed's update (reference/seed_numpy.py, output stored in reference/).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeMoons } from "@nn/datasets";
import { Dense } from "@nn/layers";
import { SGD } from "@nn/optim";
import { capitalise, fixed, scientific } from "../format.js";
import { prepareSplit } from "../experiment/data.js";
import { type ActivationName, SEED_HIDDEN, buildMlp } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { REFERENCE_RUN, referenceModelAndData } from "../experiment/seed-reference.js";
import { runTraining } from "../experiment/training.js";
import { medianBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { findRepoRoot } from "../repo-root.js";
import { formatCI, markdownTable, percentCI } from "../report/markdown-table.js";
import { studyHeader } from "../report/study-header.js";
import { testsSection } from "../report/tests-section.js";
import { geometricMeanCI, logs, meanCI, pairedTTest } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { type Contrast, type Decision, decide } from "../verdict.js";

interface SeedConfig {
  id: string;
  label: string;
  activation: ActivationName;
  init: "he-normal" | "xavier-normal";
  lr: number;
  /** PyTorch's mean test accuracy for the same protocol (5 seeds), where one was measured. */
  pytorch: number | null;
}

// The seed's three experiments. The issue's PyTorch numbers do not say which rate the activation
// and initialisation experiments used; 0.1 (the rate of the last row of the sweep) is assumed.
const CONFIGS: readonly SeedConfig[] = [
  { id: "relu-he-0.001", label: "ReLU, He, lr 0.001", activation: "relu", init: "he-normal", lr: 0.001, pytorch: 0.872 },
  { id: "relu-he-0.01", label: "ReLU, He, lr 0.01", activation: "relu", init: "he-normal", lr: 0.01, pytorch: 0.887 },
  { id: "relu-he-0.05", label: "ReLU, He, lr 0.05", activation: "relu", init: "he-normal", lr: 0.05, pytorch: 0.969 },
  { id: "relu-he-0.1", label: "ReLU, He, lr 0.1", activation: "relu", init: "he-normal", lr: 0.1, pytorch: 0.966 },
  { id: "sigmoid-he-0.1", label: "sigmoid, He, lr 0.1", activation: "sigmoid", init: "he-normal", lr: 0.1, pytorch: 0.887 },
  { id: "sigmoid-xavier-0.1", label: "sigmoid, Xavier, lr 0.1", activation: "sigmoid", init: "xavier-normal", lr: 0.1, pytorch: 0.865 },
  { id: "relu-xavier-0.1", label: "ReLU, Xavier, lr 0.1", activation: "relu", init: "xavier-normal", lr: 0.1, pytorch: null },
];
/** How far nn's mean may be from PyTorch's and still count as the same result. */
const PYTORCH_MARGIN = 0.02;
/** Largest relative difference per epoch accepted between nn's and NumPy's float64 losses. */
const FLOAT64_TOLERANCE = 1e-9;

interface SeedSetup { samples: number; epochs: number; referenceEpochs: number }

function setup(config: StudyConfig): SeedSetup {
  return config.quick ? { samples: 400, epochs: 200, referenceEpochs: 100 } : { samples: 1000, epochs: 2000, referenceEpochs: REFERENCE_RUN.epochs };
}

interface SeedRun { seed: number; loss: number[]; finalTrainLoss: number; trainAccuracy: number; testAccuracy: number; divergedAt: number | null }

interface Agreement {
  epochs: number;
  /** |nn − NumPy| / NumPy of the loss at the thinned epochs `at`, and its largest value over every epoch. */
  at: number[];
  relativeDifference: number[];
  maxRelativeLossDifference: number;
  /** Largest absolute difference of any parameter after the last epoch (only when all epochs were run). */
  maxParameterDifference: number | null;
  numpyVersion: string;
}

interface SeedData { setup: SeedSetup; epochs: number[]; configs: { id: string; label: string; runs: SeedRun[] }[]; agreement: Agreement }

interface NumpyReference { versions: { numpy: string; python: string }; losses: number[]; final: { weight: number[][]; bias: number[] }[] }

function loadNumpyReference(): NumpyReference {
  const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  return JSON.parse(readFileSync(join(root, "apps", "experiments", "reference", "seed-numpy.json"), "utf8")) as NumpyReference;
}

function agreementRun(epochs: number): Agreement {
  const reference = loadNumpyReference();
  const { model, train, test } = referenceModelAndData();
  const r = runTraining(model, { optimizer: new SGD(model.parameters(), { lr: REFERENCE_RUN.lr }), train, test, epochs, seed: REFERENCE_RUN.seed });
  const rel = reference.losses.slice(0, epochs).map((b, e) => Math.abs(r.loss[e] - b) / Math.abs(b));
  // NaN-safe: a missing or non-finite epoch makes the maximum NaN, which fails the tolerance.
  const maxRel = rel.length < epochs ? NaN : rel.reduce((m, v) => (v <= m ? m : v), 0);
  let maxParam: number | null = null;
  if (epochs === reference.losses.length) {
    maxParam = 0;
    const dense = model.layers.filter((l): l is Dense => l instanceof Dense);
    dense.forEach((d, k) => {
      const ref = reference.final[k];
      const w = d.weight.value.data, cols = d.weight.value.shape[1];
      for (let i = 0; i < w.length; i++) maxParam = Math.max(maxParam ?? 0, Math.abs(w[i] - ref.weight[Math.floor(i / cols)][i % cols]));
      const b = d.bias?.value.data ?? [];
      for (let i = 0; i < b.length; i++) maxParam = Math.max(maxParam ?? 0, Math.abs(b[i] - ref.bias[i]));
    });
  }
  const at = thinEpochs(epochs, 200);
  return { epochs, at, relativeDifference: sampleCurve(rel, at), maxRelativeLossDifference: maxRel, maxParameterDifference: maxParam, numpyVersion: reference.versions.numpy };
}

export const seedProjectStudy: Study<SeedData> = {
  id: "seed-project",
  title: "The seed project, reproduced",
  claim: "nn reproduces the seed project (2→64→32→1, ReLU, sigmoid output, BCE, full-batch gradient descent, He init, two moons n 1000 noise 0.2, 2000 epochs): mean test accuracy within 2 points of PyTorch's for the same protocol at learning rates 0.001, 0.01, 0.05, 0.1 and with sigmoid hidden layers (He and Xavier); the seed's findings hold (ReLU reaches a lower training loss than sigmoid hidden layers, and He a lower one than Xavier with ReLU); and a float64 run from identical initial weights agrees with an independent NumPy implementation of the seed's update to 1e-9 relative at every epoch.",
  units: (config) => CONFIGS.length * seedsFor(config).length + 1,

  run(ctx) {
    const s = setup(ctx);
    const epochs = thinEpochs(s.epochs, 100);
    const configs = CONFIGS.map((c) => ({
      id: c.id, label: c.label,
      runs: seedsFor(ctx).map((seed): SeedRun => {
        const { train, test } = prepareSplit(makeMoons({ n: s.samples, noise: 0.2, seed }), seed);
        const model = buildMlp({ inputs: 2, hidden: SEED_HIDDEN, outputs: 1, activation: c.activation, init: c.init, seed });
        const r = runTraining(model, { optimizer: new SGD(model.parameters(), { lr: c.lr }), train, test, epochs: s.epochs, seed });
        ctx.tick(`${c.label}, seed ${seed}`);
        return { seed, loss: sampleCurve(r.loss, epochs), finalTrainLoss: r.finalTrainLoss, trainAccuracy: r.trainAccuracy, testAccuracy: r.testAccuracy, divergedAt: r.divergedAt };
      }),
    }));
    const agreement = agreementRun(s.referenceEpochs);
    ctx.tick("float64 run against NumPy");
    return { data: { setup: s, epochs, configs, agreement } };
  },

  report({ data }, config) {
    const id = "seed-project";
    const s = data.setup;
    const get = (cid: string): SeedData["configs"][number] => data.configs.find((c) => c.id === cid)!;
    const acc = (cid: string): number[] => get(cid).runs.map((r) => r.testAccuracy);
    const lnLoss = (cid: string): number[] => logs(get(cid).runs.map((r) => r.finalTrainLoss));
    const rows = CONFIGS.map((c) => [
      c.label,
      formatCI(geometricMeanCI(get(c.id).runs.map((r) => r.finalTrainLoss)), 4),
      percentCI(get(c.id).runs.map((r) => r.trainAccuracy)),
      percentCI(acc(c.id)),
      c.pytorch === null ? "—" : fixed(100 * c.pytorch, 1) + (c.id === "relu-he-0.1" ? " ± 1.1" : ""),
    ]);
    const contrasts: Contrast[] = [
      ...CONFIGS.filter((c) => c.pytorch !== null).map((c): Contrast => ({
        label: `${c.label}: nn test accuracy vs PyTorch's ${fixed(100 * (c.pytorch ?? NaN), 1)}%`,
        test: pairedTTest(acc(c.id).map(() => c.pytorch ?? NaN), acc(c.id)), expect: { kind: "within", margin: PYTORCH_MARGIN }, scale: "points",
      })),
      { label: "final train loss, ReLU vs sigmoid hidden layers (He, lr 0.1)", test: pairedTTest(lnLoss("sigmoid-he-0.1"), lnLoss("relu-he-0.1")), expect: { kind: "less" }, scale: "ratio" },
      { label: "final train loss, He vs Xavier with ReLU (lr 0.1)", test: pairedTTest(lnLoss("relu-xavier-0.1"), lnLoss("relu-he-0.1")), expect: { kind: "less" }, scale: "ratio" },
    ];
    const statistical = decide(contrasts);
    const a = data.agreement;
    const agrees = a.maxRelativeLossDifference <= FLOAT64_TOLERANCE;
    const agreementText = `the float64 run differs from NumPy's by at most ${scientific(a.maxRelativeLossDifference, 2)} relative over ${a.epochs} epochs${a.maxParameterDifference === null ? "" : ` (largest final parameter difference ${scientific(a.maxParameterDifference, 2)})`}`;
    const decision: Decision = agrees ? statistical : { ...statistical, verdict: "not supported", reason: `${agreementText}, above the ${scientific(FLOAT64_TOLERANCE, 1)} tolerance; ${statistical.reason}` };
    const accText = CONFIGS.filter((c) => c.pytorch !== null).map((c) => `${c.label.replace(", He", "")} ${fixed(100 * meanCI(acc(c.id)).mean, 1)}% (PyTorch ${fixed(100 * (c.pytorch ?? NaN), 1)}%)`);
    const finding = `Mean test accuracy: ${accText.join(", ")}; ${agreementText}. ${capitalise(decision.reason)}.`;

    const lrPlot = lineChart({
      title: "Training loss, seed protocol, by learning rate (median, 10–90 % of seeds)", xLabel: "epoch", yLabel: "training loss (BCE, log scale)", yLog: true,
      series: CONFIGS.filter((c) => c.activation === "relu" && c.init === "he-normal").map((c) => medianBandSeries(`lr ${c.lr}`, data.epochs, get(c.id).runs.map((r) => r.loss))),
    });
    const otherPlot = lineChart({
      title: "Training loss at lr 0.1: activation and initialisation (median, 10–90 %)", xLabel: "epoch", yLabel: "training loss (BCE, log scale)", yLog: true,
      series: CONFIGS.filter((c) => c.lr === 0.1).map((c) => medianBandSeries(c.label.replace(", lr 0.1", ""), data.epochs, get(c.id).runs.map((r) => r.loss))),
    });
    const agreementPlot = lineChart({
      title: "nn float64 against NumPy float64, same initial weights: |Δloss| / loss per epoch", xLabel: "epoch", yLabel: "relative difference (log scale; 0 not drawn)", yLog: true,
      series: [{ label: "|nn − NumPy| / NumPy", x: a.at, y: a.relativeDifference }],
    });
    const md = [
      ...studyHeader("The seed project, reproduced", this.claim, decision.verdict, finding),
      "- The seed: a neural network written from scratch in NumPy (GiGiKoneti/Neural-Network-from-Scratch): 2→64→32→1, ReLU hidden layers, sigmoid output, binary cross-entropy, full-batch gradient descent, He initialisation, two moons (n 1000, noise 0.2), 2000 epochs; three experiments: learning rates 0.001, 0.01, 0.05, 0.1; ReLU vs sigmoid hidden layers; Xavier vs He.",
      `- Here: exactly that, in nn (makeMoons n ${s.samples}, noise 0.2, a sample per seed; stratified 75/25 split, standardised with the training statistics; zero biases; ${s.epochs} epochs). The activation and initialisation experiments use lr 0.1 (the PyTorch numbers do not say which rate they used). Seeds ${seedsFor(config).join(", ")}; the same seed gives every configuration the same data and split.`,
      "- PyTorch: the issue's numbers for the same protocol, 5 seeds each (lr 0.001: 87.2 %, 0.01: 88.7 %, 0.05: 96.9 %, 0.1: 96.6 ± 1.1 %; sigmoid hidden layers 88.7 % with He, 86.5 % with Xavier). Only their means are known, so each is compared with nn's 10 seeds as a constant (a one-sample equivalence test, margin 2 points) — PyTorch's own seed-to-seed spread (about 0.5 points of standard error at lr 0.1) is not in the interval.",
      `- The float64 check: seed ${REFERENCE_RUN.seed}'s data and He-normal weights, cast to float64, trained ${REFERENCE_RUN.epochs} epochs at lr ${REFERENCE_RUN.lr} by nn and by [reference/seed_numpy.py](../../apps/experiments/reference/seed_numpy.py) (NumPy ${a.numpyVersion}), a separate implementation written from the seed's equations (sigmoid and cross-entropy differentiated together, dZ = (P − y)/n). Its output is stored in reference/seed-numpy.json; a test in apps/experiments reruns the script and compares.`,
      "",
      "## Results",
      "",
      markdownTable(["configuration", "final train loss", "train acc. (%)", "test acc. (%)", "PyTorch test acc. (%)"], rows),
      `![Loss by learning rate](${id}/loss-by-lr.svg)`,
      "",
      `![Loss by activation and initialisation](${id}/loss-activation-init.svg)`,
      "",
      "## nn against NumPy in float64",
      "",
      markdownTable(["epochs", "largest relative loss difference", "largest final parameter difference", "tolerance", "agrees"], [[
        String(a.epochs), scientific(a.maxRelativeLossDifference, 2), a.maxParameterDifference === null ? "— (quick run: not all epochs)" : scientific(a.maxParameterDifference, 2), scientific(FLOAT64_TOLERANCE, 1), agrees ? "yes" : "no",
      ]]),
      `![Relative difference per epoch](${id}/float64-agreement.svg)`,
      "",
      ...testsSection(decision, "The PyTorch rows compare nn's seeds with PyTorch's mean as a constant; the last two compare configurations on the same seeds."),
      "## Reading",
      "",
      `The learning-rate column reproduces the seed's trade-off: at 0.001 and 0.01, 2000 epochs are not enough for gradient descent to bend the boundary around the moons, and the accuracy stays near what a nearly linear boundary gets; at 0.05 and 0.1 the network fits the two moons. The float64 check separates implementation from statistics: from the same starting point the two programs compute the same numbers up to rounding (summation order in the matrix products and the bias sums, and nn's two-step sigmoid/BCE gradient), so any difference from PyTorch's means comes from data samples, splits and initial draws, not from the training loop.`,
      "",
    ].join("\n");
    return { files: { [`${id}.md`]: md, [`${id}/loss-by-lr.svg`]: lrPlot, [`${id}/loss-activation-init.svg`]: otherPlot, [`${id}/float64-agreement.svg`]: agreementPlot }, verdict: decision.verdict, finding };
  },
};

/**
 * Study 3: weight initialisation (Xavier, He, a naive N(0, 1), a too-small N(0, 0.01²)) with ReLU
 * and tanh, at depth 3 and 10: per-layer activation and gradient statistics at step 0 and during
 * training, and whether the network trains at all.
 */
import { makeMoons } from "@nn/datasets";
import { SGD } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { compact } from "../format.js";
import { prepareSplit } from "../experiment/data.js";
import { type LayerProbe, probeLayers } from "../experiment/layer-probe.js";
import { buildMlp, setNormalWeights } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { runTraining } from "../experiment/training.js";
import { meanBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { markdownTable, meanStdCell, percentCell } from "../report/markdown-table.js";
import { mean, meanStd } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { studyHeader } from "../report/study-header.js";

type InitName = "xavier" | "he" | "naive" | "small";
const INITS: readonly { name: InitName; label: string }[] = [
  { name: "xavier", label: "Xavier-normal" },
  { name: "he", label: "He-normal" },
  { name: "naive", label: "N(0, 1)" },
  { name: "small", label: "N(0, 0.01²)" },
];
const ACTIVATIONS = ["relu", "tanh"] as const;
const DEPTHS = [3, 10] as const;
const WIDTH = 32;

interface InitSetup { samples: number; epochs: number; lr: number; momentum: number; checkpoints: number[] }

function setup(config: StudyConfig): InitSetup {
  return config.quick
    ? { samples: 400, epochs: 20, lr: 0.05, momentum: 0.9, checkpoints: [10, 20] }
    : { samples: 1000, epochs: 150, lr: 0.05, momentum: 0.9, checkpoints: [10, 50, 150] };
}

interface InitRun {
  seed: number;
  step0: LayerProbe;
  /** Probes after the checkpoint epochs (those reached before any divergence). */
  during: { epoch: number; probe: LayerProbe }[];
  loss: number[];
  finalTrainLoss: number;
  testAccuracy: number;
  divergedAt: number | null;
}

interface InitConfigResult { activation: "relu" | "tanh"; depth: number; init: InitName; label: string; runs: InitRun[] }

interface InitData { setup: InitSetup; epochs: number[]; configs: InitConfigResult[] }

function buildModel(activation: "relu" | "tanh", depth: number, init: InitName, seed: number): ReturnType<typeof buildMlp> {
  const scheme = init === "he" ? "he-normal" : "xavier-normal";
  const model = buildMlp({ inputs: 2, hidden: Array.from({ length: depth }, () => WIDTH), outputs: 1, activation, init: scheme, seed });
  if (init === "naive") setNormalWeights(model, 1, createRng(seed + 1000));
  if (init === "small") setNormalWeights(model, 0.01, createRng(seed + 1000));
  return model;
}

export const initialisationStudy: Study<InitData> = {
  id: "initialisation",
  title: "Initialisation and signal propagation",
  claim: "He initialisation (for ReLU) and Xavier initialisation (for tanh) keep the spread of activations and gradients roughly constant across layers, so a 10-layer network trains; N(0, 1) makes ReLU activations explode and saturates tanh, and N(0, 0.01²) makes activations and gradients vanish with depth, so those 10-layer networks train badly or not at all.",
  units: (config) => ACTIVATIONS.length * DEPTHS.length * INITS.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const epochs = thinEpochs(s.epochs, 100);
    const configs: InitConfigResult[] = [];
    for (const activation of ACTIVATIONS) {
      for (const depth of DEPTHS) {
        for (const { name, label } of INITS) {
          const runs = seedsFor(ctx).map((seed): InitRun => {
            const { train, test } = prepareSplit(makeMoons({ n: s.samples, noise: 0.2, seed }), seed);
            const model = buildModel(activation, depth, name, seed);
            const step0 = probeLayers(model, train);
            const during: InitRun["during"] = [];
            const r = runTraining(model, {
              optimizer: new SGD(model.parameters(), { lr: s.lr, momentum: s.momentum }), train, test, epochs: s.epochs, seed,
              afterEpoch: (e) => { if (s.checkpoints.includes(e)) during.push({ epoch: e, probe: probeLayers(model, train) }); },
            });
            ctx.tick(`${activation}, depth ${depth}, ${label}, seed ${seed}`);
            return { seed, step0, during, loss: sampleCurve(r.loss, epochs), finalTrainLoss: r.finalTrainLoss, testAccuracy: r.testAccuracy, divergedAt: r.divergedAt };
          });
          configs.push({ activation, depth, init: name, label, runs });
        }
      }
    }
    return { data: { setup: s, epochs, configs } };
  },

  report({ data }, config) {
    const id = "initialisation";
    const s = data.setup;
    const files: Record<string, string> = {};
    const figures: string[] = [];
    /** Last hidden layer's activation std over the first's. */
    const actRatio = (p: LayerProbe): number => p.activationStd[p.activationStd.length - 1] / p.activationStd[0];
    /** First Dense layer's gradient norm over the last's. */
    const gradRatio = (p: LayerProbe): number => p.weightGradNorm[0] / p.weightGradNorm[p.weightGradNorm.length - 1];
    const rows = data.configs.map((c) => {
      const diverged = c.runs.filter((r) => r.divergedAt !== null).length;
      return [
        c.activation, String(c.depth), c.label,
        compact(mean(c.runs.map((r) => r.step0.activationStd[0]))),
        compact(mean(c.runs.map((r) => r.step0.activationStd[r.step0.activationStd.length - 1]))),
        compact(mean(c.runs.map((r) => gradRatio(r.step0)))),
        meanStdCell(meanStd(c.runs.map((r) => r.finalTrainLoss)), 3),
        percentCell(meanStd(c.runs.map((r) => r.testAccuracy))),
        diverged === 0 ? "—" : `${diverged}/${c.runs.length}`,
      ];
    });
    const duringRows = data.configs.flatMap((c) => s.checkpoints.map((epoch) => {
      const probes = c.runs.map((r) => r.during.find((d) => d.epoch === epoch)?.probe).filter((p): p is LayerProbe => p !== undefined);
      return [
        c.activation, String(c.depth), c.label, String(epoch),
        probes.length === 0 ? "diverged" : compact(mean(probes.map((p) => p.activationStd[0]))),
        probes.length === 0 ? "—" : compact(mean(probes.map((p) => p.activationStd[p.activationStd.length - 1]))),
        probes.length === 0 ? "—" : compact(mean(probes.map((p) => p.weightGradNorm[0]))),
        probes.length === 0 ? "—" : compact(mean(probes.map((p) => p.weightGradNorm[p.weightGradNorm.length - 1]))),
      ];
    }));
    for (const activation of ACTIVATIONS) {
      for (const depth of DEPTHS) {
        const group = data.configs.filter((c) => c.activation === activation && c.depth === depth);
        const key = `${activation}-depth${depth}`;
        const layersX = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
        files[`${id}/${key}-activation-std.svg`] = lineChart({
          title: `Activation std per hidden layer at step 0: ${activation}, ${depth} hidden layers`, xLabel: "hidden layer", yLabel: "std of activations (log)", yLog: true,
          series: group.map((c) => {
            const curves = c.runs.map((r) => r.step0.activationStd);
            return { ...meanBandSeries(c.label, layersX(depth), curves), markers: true };
          }),
        });
        files[`${id}/${key}-grad-norm.svg`] = lineChart({
          title: `Weight-gradient norm per Dense layer at step 0: ${activation}, depth ${depth}`, xLabel: "Dense layer (1 = input side)", yLabel: "‖∂L/∂W‖₂ (log)", yLog: true,
          series: group.map((c) => ({ ...meanBandSeries(c.label, layersX(depth + 1), c.runs.map((r) => r.step0.weightGradNorm)), markers: true })),
        });
        files[`${id}/${key}-loss.svg`] = lineChart({
          title: `Training loss: ${activation}, ${depth} hidden layers of ${WIDTH}`, xLabel: "epoch", yLabel: "training loss (BCE, log)", yLog: true,
          series: group.map((c) => meanBandSeries(c.label, data.epochs, c.runs.map((r) => r.loss))),
        });
        figures.push(`### ${activation}, ${depth} hidden layers`, "", `![activation std](${id}/${key}-activation-std.svg)`, "", `![gradient norms](${id}/${key}-grad-norm.svg)`, "", `![loss](${id}/${key}-loss.svg)`, "");
      }
    }

    const find = (a: string, d: number, i: InitName): InitConfigResult => data.configs.find((c) => c.activation === a && c.depth === d && c.init === i)!;
    const matched = { relu: "he", tanh: "xavier" } as const;
    const preserved = ACTIVATIONS.every((a) => { const r = mean(find(a, 10, matched[a]).runs.map((x) => actRatio(x.step0))); return r > 0.25 && r < 4; });
    const vanishes = ACTIVATIONS.every((a) => mean(find(a, 10, "small").runs.map((x) => actRatio(x.step0))) < 0.01);
    const trainsBetter = ACTIVATIONS.every((a) => {
      const good = mean(find(a, 10, matched[a]).runs.map((r) => r.finalTrainLoss));
      const bad = (i: InitName): number => { const c = find(a, 10, i); return c.runs.some((r) => r.divergedAt !== null) ? Infinity : mean(c.runs.map((r) => r.finalTrainLoss)); };
      return good < bad("naive") && good < bad("small");
    });
    const checks = [preserved, vanishes, trainsBetter].filter(Boolean).length;
    const verdict = checks === 3 ? "supported" : checks >= 1 ? "partly supported" : "not supported";
    const he10 = find("relu", 10, "he"), small10 = find("relu", 10, "small"), naive10 = find("relu", 10, "naive");
    const finding = `At depth 10 with ReLU, the last hidden layer's activation std over the first's is ${compact(mean(he10.runs.map((r) => actRatio(r.step0))))} with He, ${compact(mean(small10.runs.map((r) => actRatio(r.step0))))} with N(0, 0.01²) and ${compact(mean(naive10.runs.map((r) => actRatio(r.step0))))} with N(0, 1); the matched scheme ${trainsBetter ? "reaches the lowest" : "does not always reach the lowest"} final loss at depth 10.`;
    const md = [
      ...studyHeader("Initialisation and signal propagation", this.claim, verdict, finding),
      `- Data: two moons (makeMoons n ${s.samples}, noise 0.2), a sample per seed, stratified 75/25 split, standardised.`,
      `- Model: 2 → ${WIDTH} × depth → 1 (depth 3 or 10 hidden layers of ${WIDTH}), ReLU or tanh, sigmoid output, binary cross-entropy, zero biases.`,
      "- Weights: `xavier-normal` (std √(2/(fan_in+fan_out))), `he-normal` (std √(2/fan_in)), every weight N(0, 1), every weight N(0, 0.01²).",
      `- Training: full-batch SGD with momentum ${s.momentum}, lr ${s.lr}, ${s.epochs} epochs. A run whose numbers overflow is stopped by the trainer and counted as diverged. Seeds ${seedsFor(config).join(", ")}.`,
      "- Step 0: one forward and backward pass over the whole training set before any update. \"Activation std\" is the std of a hidden layer's outputs after its nonlinearity over all units and samples; gradient norms are of each Dense layer's weight gradient of the mean loss.",
      "",
      "## Step 0 and the outcome",
      "",
      markdownTable(["act.", "depth", "init", "act. std, layer 1", "act. std, last hidden", "‖∇W first‖ / ‖∇W last‖", "final train loss", "test acc. (%)", "diverged"], rows),
      "## During training",
      "",
      "The same statistics after the given epoch (mean over seeds that had not diverged).",
      "",
      markdownTable(["act.", "depth", "init", "epoch", "act. std, layer 1", "act. std, last hidden", "‖∇W first‖", "‖∇W last‖"], duringRows),
      "## Plots",
      "",
      ...figures,
      "## Reading",
      "",
      "For a Dense layer with fan-in n and weights of variance σ², the pre-activation variance is n·σ² times the second moment of the layer's input (docs/math_derivations.md §8). ReLU halves the second moment, so σ² = 2/n (He) keeps it fixed; tanh is linear near zero, so σ² = 1/n (Xavier averages fan-in and fan-out) keeps it roughly fixed until saturation. With σ = 1 and n = 32 each layer multiplies the scale by about √(n/2) = 4 (ReLU), so ten layers multiply it by ~10⁶, and tanh units sit in saturation; with σ = 0.01 each layer multiplies it by ~0.04 and the signal is gone after a few layers, and the gradient of the early layers with it.",
      "",
    ].join("\n");
    files[`${id}.md`] = md;
    return { files, verdict, finding };
  },
};

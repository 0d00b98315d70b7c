/**
 * Study 3: weight initialisation (Xavier, He, a naive N(0, 1), a too-small N(0, 0.01²)) with ReLU
 * and tanh, at depth 3 and 10: per-layer activation and gradient statistics at step 0 and during
 * training, and whether the network trains at all.
 */
import { makeMoons } from "@nn/datasets";
import { SGD } from "@nn/optim";
import { createRng, elementary } from "@nn/tensor";
import { capitalise, compact } from "../format.js";
import { prepareSplit } from "../experiment/data.js";
import { type LayerProbe, probeLayers } from "../experiment/layer-probe.js";
import { buildMlp, setNormalWeights } from "../experiment/mlp.js";
import { seedsFor } from "../experiment/seeds.js";
import { runTraining } from "../experiment/training.js";
import { medianBandSeries, sampleCurve, thinEpochs } from "../plot/curve-series.js";
import { lineChart } from "../plot/line-chart.js";
import { formatCI, markdownTable, percentCI } from "../report/markdown-table.js";
import { geometricMeanCI, logs, mean, pairedTTest } from "../stats.js";
import type { Study, StudyConfig } from "../study.js";
import { studyHeader } from "../report/study-header.js";
import { testsSection } from "../report/tests-section.js";
import { type Contrast, decide } from "../verdict.js";

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
  claim: "He initialisation (for ReLU) and Xavier initialisation (for tanh) keep the spread of activations roughly constant across 10 layers (last over first hidden layer's std within a factor 4), N(0, 1) makes ReLU activations explode (factor above 100) and N(0, 0.01²) makes them vanish (below 1/100); and at depth 10 the matched scheme reaches a lower final training loss than each of the other three schemes.",
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
    /** Final training loss, a diverged run scored at its first-epoch loss (no progress) so it counts against its scheme. */
    const scoredLoss = (r: InitRun): number => (r.divergedAt !== null ? r.loss[0] : r.finalTrainLoss);
    const rows = data.configs.map((c) => {
      const diverged = c.runs.filter((r) => r.divergedAt !== null).length;
      return [
        c.activation, String(c.depth), c.label,
        formatCI(geometricMeanCI(c.runs.map((r) => r.step0.activationStd[0])), 3),
        formatCI(geometricMeanCI(c.runs.map((r) => actRatio(r.step0))), 3),
        formatCI(geometricMeanCI(c.runs.map((r) => gradRatio(r.step0))), 3),
        formatCI(geometricMeanCI(c.runs.map(scoredLoss)), 3),
        percentCI(c.runs.map((r) => r.testAccuracy)),
        diverged === 0 ? "—" : `${diverged}/${c.runs.length}`,
      ];
    });
    const duringRows = data.configs.flatMap((c) => s.checkpoints.map((epoch) => {
      const probes = c.runs.map((r) => r.during.find((d) => d.epoch === epoch)?.probe).filter((p): p is LayerProbe => p !== undefined);
      return [
        c.activation, String(c.depth), c.label, String(epoch),
        probes.length === 0 ? "diverged" : `${compact(mean(probes.map((p) => p.activationStd[0])))}${probes.length < c.runs.length ? ` (${probes.length} of ${c.runs.length})` : ""}`,
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
            return { ...medianBandSeries(c.label, layersX(depth), curves), markers: true };
          }),
        });
        files[`${id}/${key}-grad-norm.svg`] = lineChart({
          title: `Weight-gradient norm per Dense layer at step 0: ${activation}, depth ${depth}`, xLabel: "Dense layer (1 = input side)", yLabel: "‖∂L/∂W‖₂ (log)", yLog: true,
          series: group.map((c) => ({ ...medianBandSeries(c.label, layersX(depth + 1), c.runs.map((r) => r.step0.weightGradNorm)), markers: true })),
        });
        files[`${id}/${key}-loss.svg`] = lineChart({
          title: `Training loss: ${activation}, ${depth} hidden layers of ${WIDTH}`, xLabel: "epoch", yLabel: "training loss (BCE, log)", yLog: true,
          series: group.map((c) => medianBandSeries(c.label, data.epochs, c.runs.map((r) => r.loss))),
        });
        figures.push(`### ${activation}, ${depth} hidden layers`, "", `![activation std](${id}/${key}-activation-std.svg)`, "", `![gradient norms](${id}/${key}-grad-norm.svg)`, "", `![loss](${id}/${key}-loss.svg)`, "");
      }
    }

    const find = (a: string, d: number, i: InitName): InitConfigResult => data.configs.find((c) => c.activation === a && c.depth === d && c.init === i)!;
    const matched = { relu: "he", tanh: "xavier" } as const;
    const lnRatios = (c: InitConfigResult): number[] => logs(c.runs.map((r) => actRatio(r.step0)));
    const constant = (c: InitConfigResult, v: number): number[] => c.runs.map(() => v);
    const contrasts: Contrast[] = [];
    for (const a of ACTIVATIONS) {
      const m = find(a, 10, matched[a]);
      contrasts.push({ label: `${a}, depth 10, ${m.label}: act. std last/first vs 1`, test: pairedTTest(constant(m, 0), lnRatios(m)), expect: { kind: "within", margin: elementary.log(4) }, scale: "ratio" });
      const small = find(a, 10, "small");
      contrasts.push({ label: `${a}, depth 10, N(0, 0.01²): act. std last/first vs 1/100`, test: pairedTTest(constant(small, elementary.log(0.01)), lnRatios(small)), expect: { kind: "less" }, scale: "ratio" });
    }
    const naiveRelu = find("relu", 10, "naive");
    contrasts.push({ label: "relu, depth 10, N(0, 1): act. std last/first vs 100", test: pairedTTest(constant(naiveRelu, elementary.log(100)), lnRatios(naiveRelu)), expect: { kind: "greater" }, scale: "ratio" });
    for (const a of ACTIVATIONS) {
      const m = find(a, 10, matched[a]);
      for (const other of INITS.filter((i) => i.name !== matched[a])) {
        const o = find(a, 10, other.name);
        contrasts.push({ label: `${a}, depth 10: final train loss, ${m.label} vs ${o.label}`, test: pairedTTest(logs(o.runs.map(scoredLoss)), logs(m.runs.map(scoredLoss))), expect: { kind: "less" }, scale: "ratio" });
      }
    }
    const decision = decide(contrasts);
    const verdict = decision.verdict;
    const he10 = find("relu", 10, "he"), small10 = find("relu", 10, "small"), naive10 = find("relu", 10, "naive");
    const geoRatio = (c: InitConfigResult): string => {
      const ci = geometricMeanCI(c.runs.map((r) => actRatio(r.step0)));
      return `${compact(ci.mean)}${ci.n < ci.of ? ` (over ${ci.n} of ${ci.of} seeds; the others are 0/0)` : ""}`;
    };
    const lossOf = (a: string, i: InitName): string => compact(geometricMeanCI(find(a, 10, i).runs.map(scoredLoss)).mean);
    const finding = `At depth 10 with ReLU, the last hidden layer's activation std over the first's is ${geoRatio(he10)} with He, ${geoRatio(small10)} with N(0, 0.01²) and ${geoRatio(naive10)} with N(0, 1); final training loss at depth 10 (geometric mean): ReLU ${INITS.map((i) => `${i.label} ${lossOf("relu", i.name)}`).join(", ")}; tanh ${INITS.map((i) => `${i.label} ${lossOf("tanh", i.name)}`).join(", ")}. ${capitalise(decision.reason)}.`;
    const md = [
      ...studyHeader("Initialisation and signal propagation", this.claim, verdict, finding),
      `- Data: two moons (makeMoons n ${s.samples}, noise 0.2), a sample per seed, stratified 75/25 split, standardised.`,
      `- Model: 2 → ${WIDTH} × depth → 1 (depth 3 or 10 hidden layers of ${WIDTH}), ReLU or tanh, sigmoid output, binary cross-entropy, zero biases.`,
      "- Weights: `xavier-normal` (std √(2/(fan_in+fan_out))), `he-normal` (std √(2/fan_in)), every weight N(0, 1), every weight N(0, 0.01²).",
      `- Training: full-batch SGD with momentum ${s.momentum}, lr ${s.lr}, ${s.epochs} epochs. A run whose numbers overflow is stopped by the trainer and counted as diverged; its final loss is scored as its first-epoch loss (no progress), so it counts against its scheme instead of dropping out. Seeds ${seedsFor(config).join(", ")}; the same seed gives every scheme the same data and split.`,
      "- Step-0 ratios and losses span decades: geometric means with the 95 % t interval of their logs. \"(n of N)\" marks a mean over fewer seeds, e.g. when a ratio is 0/0 because every unit of a layer is dead or underflowed.",
      "- Step 0: one forward and backward pass over the whole training set before any update. \"Activation std\" is the std of a hidden layer's outputs after its nonlinearity over all units and samples; gradient norms are of each Dense layer's weight gradient of the mean loss.",
      "",
      "## Step 0 and the outcome",
      "",
      markdownTable(["act.", "depth", "init", "act. std, layer 1", "act. std last / first", "‖∇W first‖ / ‖∇W last‖", "final train loss", "test acc. (%)", "diverged"], rows),
      ...testsSection(decision, "Scale checks compare the per-seed log ratio with a constant (a one-sample t-test written as a pair); loss checks compare the matched scheme with each of the other three on the same seeds."),
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

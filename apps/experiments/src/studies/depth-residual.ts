/**
 * Study 6: plain against residual MLPs from 2 to 32 hidden blocks on spirals: does the network
 * train, how much gradient reaches the first layer, and what accuracy it ends with.
 */
import { makeSpirals } from "@nn/datasets";
import { Dense, LayerNorm, type Layer, ReLU, Residual, Sequential, Sigmoid } from "@nn/layers";
import { Adam } from "@nn/optim";
import { createRng, elementary } from "@nn/tensor";
import { capitalise, compact, fixed } from "../format.js";
import { prepareSplit } from "../experiment/data.js";
import { probeLayers } from "../experiment/layer-probe.js";
import { seedsFor } from "../experiment/seeds.js";
import { runTraining } from "../experiment/training.js";
import { medianBandSeries } from "../plot/curve-series.js";
import { type LineSeries, lineChart } from "../plot/line-chart.js";
import { formatCI, markdownTable, percentCI } from "../report/markdown-table.js";
import { testsSection } from "../report/tests-section.js";
import { type MeanCI, geometricMeanCI, logs, mean, meanCI, pairedTTest } from "../stats.js";
import { type Contrast, decide } from "../verdict.js";
import type { Study, StudyConfig } from "../study.js";
import { studyHeader } from "../report/study-header.js";

type Variant = "plain" | "plain-ln" | "residual";
const VARIANTS: readonly { id: Variant; label: string }[] = [
  { id: "plain", label: "plain (Dense→ReLU)" },
  { id: "plain-ln", label: "plain + LayerNorm" },
  { id: "residual", label: "residual (pre-LN, linear end)" },
];
const WIDTH = 32;

interface DepthSetup { depths: number[]; samples: number; epochs: number; batchSize: number; lr: number }

function setup(config: StudyConfig): DepthSetup {
  return config.quick
    ? { depths: [2, 8, 32], samples: 400, epochs: 10, batchSize: 32, lr: 0.003 }
    : { depths: [2, 8, 16, 32], samples: 1000, epochs: 40, batchSize: 32, lr: 0.003 };
}

/** Input Dense(2→32)+ReLU, `depth` blocks of width 32 (one Dense each), Dense(32→1)+sigmoid. */
function buildDeep(variant: Variant, depth: number, seed: number): Sequential {
  const rng = createRng(seed);
  const layers: Layer[] = [new Dense(2, WIDTH, { rng }), new ReLU()];
  for (let i = 0; i < depth; i++) {
    if (variant === "plain") layers.push(new Dense(WIDTH, WIDTH, { rng }), new ReLU());
    else if (variant === "plain-ln") layers.push(new LayerNorm(WIDTH), new Dense(WIDTH, WIDTH, { rng }), new ReLU());
    // The standard pre-activation block: the branch ends in a linear layer, so it can add
    // negative as well as positive corrections (x + ReLU(·) could only add non-negative ones).
    else layers.push(new Residual(new Sequential([new LayerNorm(WIDTH), new ReLU(), new Dense(WIDTH, WIDTH, { rng })])));
  }
  layers.push(new Dense(WIDTH, 1, { rng }), new Sigmoid());
  return new Sequential(layers);
}

interface DepthRun { seed: number; loss: number[]; firstLayerGrad: number[]; step0FirstLayerGrad: number; trainAccuracy: number; testAccuracy: number; divergedAt: number | null }
interface DepthData { setup: DepthSetup; results: { variant: Variant; depth: number; runs: DepthRun[] }[] }

export const depthResidualStudy: Study<DepthData> = {
  id: "depth-residual",
  title: "Depth and residual connections",
  claim: "Plain ReLU MLPs get harder to train as depth grows: from 2 to 32 blocks the gradient reaching the first layer at initialisation shrinks, and test accuracy drops at 16 and at 32 blocks; residual blocks x + Dense(ReLU(LayerNorm(x))) keep the first-layer gradient within a factor 4 and the test accuracy within 2 points of their 2-block values up to 32 blocks.",
  units: (config) => VARIANTS.length * setup(config).depths.length * seedsFor(config).length,

  run(ctx) {
    const s = setup(ctx);
    const results: DepthData["results"] = [];
    for (const { id: variant, label } of VARIANTS) {
      for (const depth of s.depths) {
        const runs = seedsFor(ctx).map((seed): DepthRun => {
          const { train, test } = prepareSplit(makeSpirals({ n: s.samples, arms: 2, turns: 1.5, noise: 0.05, seed }), seed);
          const model = buildDeep(variant, depth, seed);
          const step0 = probeLayers(model, train);
          const r = runTraining(model, { optimizer: new Adam(model.parameters(), { lr: s.lr }), train, test, epochs: s.epochs, batchSize: s.batchSize, seed });
          ctx.tick(`${label}, depth ${depth}, seed ${seed}`);
          return {
            seed, loss: r.loss, firstLayerGrad: r.gradNorms.map((g) => g[0]), step0FirstLayerGrad: step0.weightGradNorm[0],
            trainAccuracy: r.trainAccuracy, testAccuracy: r.testAccuracy, divergedAt: r.divergedAt,
          };
        });
        results.push({ variant, depth, runs });
      }
    }
    return { data: { setup: s, results } };
  },

  report({ data }, config) {
    const id = "depth-residual";
    const s = data.setup;
    const find = (v: Variant, d: number): DepthData["results"][number] => data.results.find((r) => r.variant === v && r.depth === d)!;
    const label = (v: Variant): string => VARIANTS.find((x) => x.id === v)?.label ?? v;
    const lastGrad = (r: DepthRun): number => r.firstLayerGrad[r.firstLayerGrad.length - 1];
    const collapsed = (r: DepthRun): boolean => r.divergedAt !== null || !(r.trainAccuracy > 0.55);
    const rows = data.results.map((g) => {
      const fails = g.runs.filter(collapsed).length;
      return [
        label(g.variant), String(g.depth),
        formatCI(geometricMeanCI(g.runs.map((r) => r.step0FirstLayerGrad)), 3),
        formatCI(geometricMeanCI(g.runs.map(lastGrad)), 3),
        formatCI(geometricMeanCI(g.runs.map((r) => r.loss[r.loss.length - 1])), 3),
        percentCI(g.runs.map((r) => r.trainAccuracy)),
        percentCI(g.runs.map((r) => r.testAccuracy)),
        fails === 0 ? "—" : `${fails}/${g.runs.length}`,
      ];
    });
    const files: Record<string, string> = {};
    const accCI = (v: Variant): MeanCI[] => s.depths.map((d) => meanCI(find(v, d).runs.map((r) => r.testAccuracy)));
    const gradCI = (v: Variant): MeanCI[] => s.depths.map((d) => geometricMeanCI(find(v, d).runs.map((r) => r.step0FirstLayerGrad)));
    const withErrors = (v: Variant, cis: MeanCI[]): LineSeries => ({ label: label(v), x: s.depths, y: cis.map((c) => c.mean), errors: { lo: cis.map((c) => c.lo), hi: cis.map((c) => c.hi) }, markers: true });
    files[`${id}/accuracy-vs-depth.svg`] = lineChart({
      title: "Test accuracy against depth (mean, 95 % intervals)", xLabel: "hidden blocks (log scale)", yLabel: "test accuracy", xLog: true, yBounds: [0, 1],
      series: VARIANTS.map((v) => withErrors(v.id, accCI(v.id))),
    });
    files[`${id}/first-layer-grad-vs-depth.svg`] = lineChart({
      title: "Gradient norm of the first layer at step 0 (geometric mean, 95 % intervals)", xLabel: "hidden blocks (log scale)", yLabel: "‖∂L/∂W₁‖₂ (log scale)", xLog: true, yLog: true,
      series: VARIANTS.map((v) => withErrors(v.id, gradCI(v.id))),
    });
    const deepest = s.depths[s.depths.length - 1];
    const epochsX = Array.from({ length: s.epochs }, (_, i) => i + 1);
    files[`${id}/loss-depth${deepest}.svg`] = lineChart({
      title: `Training loss at ${deepest} hidden blocks (median, 10–90 % of seeds)`, xLabel: "epoch", yLabel: "training loss (log scale)", yLog: true,
      series: VARIANTS.map((v) => medianBandSeries(v.label, epochsX, find(v.id, deepest).runs.map((r) => r.loss))),
    });
    files[`${id}/first-layer-grad-depth${deepest}.svg`] = lineChart({
      title: `First-layer gradient norm during training, ${deepest} blocks (median, 10–90 %)`, xLabel: "epoch", yLabel: "‖∂L/∂θ₁‖₂ at the epoch's last batch (log scale)", yLog: true,
      series: VARIANTS.map((v) => medianBandSeries(v.label, epochsX, find(v.id, deepest).runs.map((r) => r.firstLayerGrad))),
    });

    const shallow = s.depths[0];
    const accs = (v: Variant, d: number): number[] => find(v, d).runs.map((r) => r.testAccuracy);
    const grads = (v: Variant, d: number): number[] => logs(find(v, d).runs.map((r) => r.step0FirstLayerGrad));
    const middle = s.depths.includes(16) ? 16 : s.depths[Math.floor(s.depths.length / 2)];
    const contrasts: Contrast[] = [
      { label: `plain: first-layer gradient at step 0, ${deepest} vs ${shallow} blocks`, test: pairedTTest(grads("plain", shallow), grads("plain", deepest)), expect: { kind: "less" }, scale: "ratio" },
      { label: `plain: test accuracy, ${middle} vs ${shallow} blocks`, test: pairedTTest(accs("plain", shallow), accs("plain", middle)), expect: { kind: "less" }, scale: "points" },
      { label: `plain: test accuracy, ${deepest} vs ${shallow} blocks`, test: pairedTTest(accs("plain", shallow), accs("plain", deepest)), expect: { kind: "less" }, scale: "points" },
      { label: `residual: first-layer gradient at step 0, ${deepest} vs ${shallow} blocks`, test: pairedTTest(grads("residual", shallow), grads("residual", deepest)), expect: { kind: "within", margin: elementary.log(4) }, scale: "ratio" },
      { label: `residual: test accuracy, ${deepest} vs ${shallow} blocks`, test: pairedTTest(accs("residual", shallow), accs("residual", deepest)), expect: { kind: "within", margin: 0.02 }, scale: "points" },
    ];
    const decision = decide(contrasts);
    const verdict = decision.verdict;
    const acc = (v: Variant, d: number): string => fixed(100 * mean(accs(v, d)), 1);
    const fails = (v: Variant, d: number): string => `${find(v, d).runs.filter(collapsed).length}/${find(v, d).runs.length}`;
    const lnGrow = geometricMeanCI(find("plain-ln", deepest).runs.map((r) => lastGrad(r) / r.step0FirstLayerGrad)).mean;
    const finding = `Test accuracy from ${shallow} to ${deepest} blocks: plain ${acc("plain", shallow)}% → ${acc("plain", deepest)}% (${fails("plain", deepest)} runs collapsed at ${deepest}), plain + LayerNorm ${acc("plain-ln", shallow)}% → ${acc("plain-ln", deepest)}% (${fails("plain-ln", deepest)} collapsed; its first-layer gradient ends ${compact(lnGrow)}× its step-0 value), residual ${acc("residual", shallow)}% → ${acc("residual", deepest)}%. ${capitalise(decision.reason)}.`;
    const md = [
      ...studyHeader("Depth and residual connections", this.claim, verdict, finding),
      `- Data: spirals (makeSpirals n ${s.samples}, 2 arms, 1.5 turns, noise 0.05), a sample per seed, stratified 75/25 split, standardised.`,
      `- Models: Dense(2→${WIDTH}) + ReLU, then \`depth\` blocks of width ${WIDTH}, then Dense(${WIDTH}→1) + sigmoid; He-normal weights. Blocks: **plain** Dense→ReLU; **plain + LayerNorm** LayerNorm→Dense→ReLU; **residual** x + Dense(ReLU(LayerNorm(x))) (the pre-activation block of He et al. 2016: the branch ends in a linear layer, so it can move x in any direction; docs/math_derivations.md §7). The LayerNorm variant separates the effect of the skip connection from that of normalisation.`,
      `- Depths ${s.depths.join(", ")}. Adam, lr ${s.lr} (fixed beforehand for all variants, not tuned), mini-batches of ${s.batchSize}, ${s.epochs} epochs. Seeds ${seedsFor(config).join(", ")}; the same seed gives every variant and depth the same data and split.`,
      "- Accuracies: means with 95 % t intervals; gradient norms and losses: geometric means with the interval of their logs. \"Collapsed\": training accuracy ≤ 55 % (no better than chance on two balanced classes) or a non-finite value.",
      "- \"First-layer gradient\": the L2 norm of the input Dense layer's weight gradient on the whole training set before any update (step 0), and @nn/train's norm of its weights and bias gradient at the last batch of the last epoch.",
      "",
      "## Results",
      "",
      markdownTable(["model", "blocks", "‖∇W₁‖ at step 0", "‖∇θ₁‖ last epoch", "final train loss (last epoch)", "train acc. (%)", "test acc. (%)", "collapsed"], rows),
      ...testsSection(decision, "Depths are compared on the same seeds; the residual rows are equivalence tests (the interval must lie within the margin)."),
      `![Accuracy against depth](${id}/accuracy-vs-depth.svg)`,
      "",
      `![First-layer gradient against depth](${id}/first-layer-grad-vs-depth.svg)`,
      "",
      `![Loss at the largest depth](${id}/loss-depth${deepest}.svg)`,
      "",
      `![First-layer gradient during training at the largest depth](${id}/first-layer-grad-depth${deepest}.svg)`,
      "",
      "## Reading",
      "",
      "In a plain network the gradient at the first layer is a product of one Jacobian per layer; He initialisation keeps its expected scale, but the product of many random matrices still spreads and the loss surface gets rougher with depth. A residual block's Jacobian is I + ∂block/∂x (§7), so the identity path carries the gradient from the loss to the first layer unchanged no matter how many blocks there are, and each block only has to learn a correction.",
      "",
      `Vanishing is not the only way a deep stack without a skip path fails. At ${deepest} blocks the plain + LayerNorm network's first-layer gradient at the last epoch is ${compact(lnGrow)}× its step-0 value (geometric mean over seeds) while ${fails("plain-ln", deepest)} of its runs collapse: where it fails, the gradient reaching the first layer ${lnGrow > 1 ? "grows instead of shrinking — normalisation keeps the forward signal's scale but not the backward product's, so training fails through large, erratic steps rather than through a vanishing gradient" : "shrinks over training as in the plain network"}. The step-0 gradient alone therefore does not predict which deep networks train; the accuracy columns and the collapse counts are the outcome the claim is about.`,
      "",
    ].join("\n");
    files[`${id}.md`] = md;
    return { files, verdict, finding };
  },
};

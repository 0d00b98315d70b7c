import {
  BUILTIN_DATASETS, classCount, defaultNoise, defaultProblem, FEATURES, hasClassCount, isSynthetic, PROBLEMS, REAL_DATASETS, type ProblemName, type Setting,
} from "@nn/studio";
import { h, uniqueId } from "./element.js";
import type { BoundControl, Propose } from "./setting-controls.js";

const DATASET_LABEL: Record<string, string> = {
  moons: "moons", circles: "circles", spirals: "spirals", xor: "xor", blobs: "blobs", checkerboard: "checkerboard",
  plane: "plane (a tilted plane)", "multi-gaussian": "multi-gaussian (bumps)",
  iris: "iris (4 features, 3 classes)", "breast-cancer": "breast cancer (30 features)", digits: "digits (8×8, 10 classes)",
};

/** A labelled range input whose value is shown beside it. */
function slider(label: string, attrs: { min: number; max: number; step: number }, format: (v: number) => string, onInput: (v: number) => void): {
  element: HTMLElement; set(v: number, max?: number): void; input: HTMLInputElement;
} {
  const id = uniqueId("slider");
  const shown = h("output", { for: id });
  const input = h("input", {
    id, type: "range", min: attrs.min, max: attrs.max, step: attrs.step,
    oninput: () => { shown.textContent = format(Number(input.value)); },
    onchange: () => onInput(Number(input.value)),
  });
  return {
    element: h("div", { class: "field slider" }, h("label", { for: id }, label, " ", shown), input),
    input,
    set(v: number, max?: number) {
      if (max !== undefined) input.max = String(max);
      if (document.activeElement !== input) input.value = String(v);
      shown.textContent = format(v);
    },
  };
}

/** Data: the set, its generator's noise and size, the held-out share, "regenerate", and the input features. */
export function dataPanel(propose: Propose, current: () => Setting): BoundControl {
  const id = uniqueId("data");
  const switchTo = (data: string): void => {
    // A real set has its own features: back to x₁, x₂ (the derived ones need a 2-D set).
    propose({
      data, problem: defaultProblem(data), classes: 0, noise: defaultNoise(data), samples: isSynthetic(data) ? Math.max(current().samples, 50) : 0,
      ...(isSynthetic(data) ? {} : { features: ["x1", "x2"] }),
    });
  };
  const select = h("select", { id, name: "data", onchange: () => switchTo(select.value) });
  const setsOf = (problem: ProblemName): string[] => BUILTIN_DATASETS.filter((d) => defaultProblem(d) === problem);
  // The TensorFlow Playground's "problem type": each problem lists its own data sets.
  const problemId = uniqueId("problem");
  const problem = h("select", {
    id: problemId, name: "problem",
    onchange: () => {
      const wanted = problem.value as ProblemName;
      if (wanted !== current().problem) switchTo(setsOf(wanted)[0]);
    },
  }, ...PROBLEMS.map((p) => h("option", { value: p }, p)));
  let listed = "";
  const noise = slider("noise", { min: 0, max: 1, step: 0.05 }, (v) => v.toFixed(2), (v) => propose({ noise: v }));
  const samples = slider("samples", { min: 50, max: 2000, step: 50 }, String, (v) => propose({ samples: v }));
  const classes = slider("classes", { min: 2, max: 8, step: 1 }, String, (v) => propose({ classes: v }));
  const held = slider("held out for testing", { min: 0.1, max: 0.9, step: 0.05 }, (v) => `${Math.round(v * 100)}%`, (v) => propose({ testSplit: v }));
  const regenerate = h("button", { type: "button", onclick: () => propose({ seed: current().seed + 1 }) }, "Regenerate (next seed)");
  const boxes = FEATURES.map((f) => {
    const box = h("input", {
      type: "checkbox", id: uniqueId(`feature-${f.name}`), name: `feature-${f.name}`,
      onchange: () => {
        const chosen = FEATURES.map((g) => g.name).filter((name) => (name === f.name ? box.checked : current().features.includes(name)));
        propose({ features: chosen });
      },
    });
    return { name: f.name, box, element: h("label", { class: "feature" }, box, ` ${f.label}`) };
  });
  const featureSet = h("fieldset", { class: "features" }, h("legend", {}, "Input features"), ...boxes.map((b) => b.element));
  const synthOnly = h("div", {}, noise.element, samples.element, classes.element);
  const element = h("section", { class: "panel data", "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, "Data"),
    h("div", { class: "field" }, h("label", { for: problemId }, "problem type"), problem),
    h("div", { class: "field" }, h("label", { for: id }, "data set"), select),
    synthOnly, held.element, regenerate, featureSet,
    h("p", { class: "note" }, REAL_DATASETS.join(", "), " are shipped data: their own features, a confusion matrix instead of a map."),
  );
  return {
    element,
    sync(s) {
      problem.value = s.problem;
      if (listed !== s.problem) {
        listed = s.problem;
        select.replaceChildren(...setsOf(s.problem).map((d) => h("option", { value: d }, DATASET_LABEL[d] ?? d)));
      }
      select.value = s.data;
      const synthetic = isSynthetic(s.data);
      synthOnly.hidden = !synthetic;
      noise.set(s.noise, s.data === "blobs" ? 3 : 1);
      samples.set(s.samples);
      classes.element.hidden = !hasClassCount(s.data);
      classes.set(classCount(s));
      held.set(s.testSplit);
      featureSet.disabled = !synthetic;
      for (const b of boxes) b.box.checked = s.features.includes(b.name);
    },
  };
}

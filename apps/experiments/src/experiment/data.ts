/**
 * The data every study trains on: a seeded, stratified 75/25 split standardised with the training
 * statistics (the seed project's recipe), and the problems by name.
 */
import {
  type Dataset, StandardScaler, loadBreastCancer, loadDigits, loadIris, makeCircles, makeMoons, makeSpirals, trainTestSplit,
} from "@nn/datasets";

export interface PreparedSplit {
  train: Dataset;
  test: Dataset;
}

/** Split (stratified, seeded) and standardise both parts with the training set's mean and std. */
export function prepareSplit(ds: Dataset, seed: number, testSize: number = 0.25): PreparedSplit {
  const split = trainTestSplit(ds, { testSize, stratify: true, seed });
  const scaler = new StandardScaler().fit(split.train.x);
  return {
    train: { ...split.train, x: scaler.transform(split.train.x) },
    test: { ...split.test, x: scaler.transform(split.test.x) },
  };
}

export interface ValidationSplit extends PreparedSplit {
  /** Held out from training and used only to choose hyperparameters (never the test set). */
  validation: Dataset;
}

/**
 * Train / validation / test (stratified, seeded; default 60 / 20 / 20), all standardised with the
 * training part's statistics. The test part is split off first with the same call as
 * `prepareSplit`, so for a given seed it is the same test set whether or not a study tunes.
 */
export function prepareValidationSplit(ds: Dataset, seed: number, sizes: { validation: number; test: number } = { validation: 0.2, test: 0.2 }): ValidationSplit {
  const outer = trainTestSplit(ds, { testSize: sizes.test, stratify: true, seed });
  const inner = trainTestSplit(outer.train, { testSize: sizes.validation / (1 - sizes.test), stratify: true, seed: seed + 104729 });
  const scaler = new StandardScaler().fit(inner.train.x);
  return {
    train: { ...inner.train, x: scaler.transform(inner.train.x) },
    validation: { ...inner.test, x: scaler.transform(inner.test.x) },
    test: { ...outer.test, x: scaler.transform(outer.test.x) },
  };
}

export type ProblemName = "moons" | "circles" | "spirals" | "iris" | "breast-cancer" | "digits";

export interface ProblemSpec {
  name: ProblemName;
  /** How the data set is made, for the report. */
  description: string;
  load(seed: number): Dataset;
}

/** Synthetic sets are drawn with the run's seed (a new sample per seed); real sets are fixed. */
export const PROBLEMS: Readonly<Record<ProblemName, ProblemSpec>> = {
  "moons": { name: "moons", description: "makeMoons n 1000, noise 0.2", load: (seed) => makeMoons({ n: 1000, noise: 0.2, seed }) },
  "circles": { name: "circles", description: "makeCircles n 1000, noise 0.1, factor 0.5", load: (seed) => makeCircles({ n: 1000, noise: 0.1, factor: 0.5, seed }) },
  "spirals": { name: "spirals", description: "makeSpirals n 1000, 2 arms, 1.5 turns, noise 0.05", load: (seed) => makeSpirals({ n: 1000, arms: 2, turns: 1.5, noise: 0.05, seed }) },
  "iris": { name: "iris", description: "loadIris (150 × 4, 3 classes)", load: () => loadIris() },
  "breast-cancer": { name: "breast-cancer", description: "loadBreastCancer (569 × 30, 2 classes)", load: () => loadBreastCancer() },
  "digits": { name: "digits", description: "loadDigits (1797 × 64, 10 classes)", load: () => loadDigits() },
};

/** Class-index labels as plain numbers. */
export function labelsOf(ds: Dataset): number[] {
  return Array.from(ds.y.data, (v) => Math.round(v));
}

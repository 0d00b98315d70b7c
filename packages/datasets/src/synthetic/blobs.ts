import { Tensor, checkOptions, optionKeys, allocate } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { checkFinite, checkInteger, checkNonNegative } from "../option-checks.js";
import { identityPermutation, shuffleInPlace } from "../permutation.js";
import { type GeneratorOptions, groupSizes, resolveOptions } from "./generator-options.js";

export interface BlobsOptions extends GeneratorOptions {
  /** Number of centres drawn uniformly from `centerBox` (default 3), or the centres themselves, one row each. */
  centers?: number | readonly (readonly number[])[];
  /** Standard deviation of each cluster: one number for all, or one per centre (default 1.0, as scikit-learn). `noise` is accepted as a synonym. */
  clusterStd?: number | readonly number[];
  /** Box [low, high) the random centres are drawn from (default [-10, 10]). */
  centerBox?: readonly [number, number];
  /** Features per example when centres are drawn (default 2). */
  nFeatures?: number;
}

/**
 * Isotropic Gaussian blobs, with scikit-learn's `make_blobs` meanings: centre i gets n // k points
 * (the first n % k centres one more), drawn from N(center_i, clusterStd_i² I) and labelled i;
 * random centres are uniform in `centerBox` per coordinate. Rows are then shuffled.
 */
const BLOBS_OPTIONS = optionKeys<BlobsOptions>()("n", "noise", "seed", "shuffle", "dtype", "centers", "clusterStd", "centerBox", "nFeatures");

export function makeBlobs(options: BlobsOptions = {}): Dataset {
  const op = "makeBlobs";
  checkOptions(op, options, BLOBS_OPTIONS);
  const opts = resolveOptions(op, { ...options, noise: undefined });
  const { rng } = opts;
  if (options.noise !== undefined && options.clusterStd !== undefined) {
    throw new RangeError(`${op}: give clusterStd or its synonym noise, not both`);
  }
  let centers: number[][];
  if (options.centers === undefined || typeof options.centers === "number") {
    const k = checkInteger(op, "centers", options.centers ?? 3, 1);
    const features = checkInteger(op, "nFeatures", options.nFeatures ?? 2, 1);
    const [low, high] = options.centerBox ?? [-10, 10];
    checkFinite(op, "centerBox[0]", low);
    checkFinite(op, "centerBox[1]", high);
    if (!(high > low)) throw new RangeError(`${op}: centerBox must be [low, high] with low < high, got [${low}, ${high}]`);
    centers = [];
    for (let i = 0; i < k; i++) {
      const c: number[] = [];
      for (let j = 0; j < features; j++) c.push(low + (high - low) * rng.next());
      centers.push(c);
    }
  } else {
    centers = options.centers.map((c) => [...c]);
    const features = centers[0]?.length ?? 0;
    if (centers.length === 0 || features === 0) throw new RangeError(`${op}: centers must hold at least one non-empty row`);
    centers.forEach((c, i) => {
      if (c.length !== features) throw new RangeError(`${op}: centers[${i}] has ${c.length} coordinates, centers[0] has ${features}`);
      c.forEach((v, j) => checkFinite(op, `centers[${i}][${j}]`, v));
    });
    if (options.nFeatures !== undefined && options.nFeatures !== features) {
      throw new RangeError(`${op}: nFeatures ${options.nFeatures} disagrees with the centres' ${features} coordinates`);
    }
  }
  const k = centers.length;
  const features = centers[0].length;
  const stdOption = options.clusterStd ?? options.noise ?? 1;
  const stds = typeof stdOption === "number" ? new Array<number>(k).fill(stdOption) : [...stdOption];
  if (stds.length !== k) throw new RangeError(`${op}: clusterStd has ${stds.length} entries for ${k} centres`);
  stds.forEach((s, i) => checkNonNegative(op, typeof stdOption === "number" ? "clusterStd" : `clusterStd[${i}]`, s));

  const n = opts.n;
  const points = new Float64Array(n * features);
  const labels = new Uint16Array(n);
  let row = 0;
  groupSizes(n, k).forEach((size, c) => {
    for (let i = 0; i < size; i++, row++) {
      labels[row] = c;
      for (let j = 0; j < features; j++) points[row * features + j] = centers[c][j] + stds[c] * rng.normal();
    }
  });
  const order = identityPermutation(n);
  if (opts.shuffle) shuffleInPlace(order, rng);
  const x = allocate(opts.dtype, n * features);
  const y = allocate(opts.dtype, n);
  for (let i = 0; i < n; i++) {
    y[i] = labels[order[i]];
    for (let j = 0; j < features; j++) x[i * features + j] = points[order[i] * features + j];
  }
  return { x: new Tensor(x, [n, features]), y: new Tensor(y, [n]), numClasses: k };
}

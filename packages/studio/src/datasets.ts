import {
  loadBreastCancer, loadDigits, loadIris, makeBlobs, makeCheckerboard, makeCircles, makeMoons, makeMultiGaussian, makePlane, makeSpirals,
  makeXor,
  type Dataset,
} from "@nn/datasets";
import type { BuiltinDataset } from "./setting.js";

/**
 * A built-in set: generated from (samples, noise, seed) for the synthetic ones, shipped data otherwise.
 * The regression sets (plane, multi-gaussian) have real-valued `y` and `numClasses` 0.
 */
export function builtinDataset(name: BuiltinDataset, gen: { samples: number; noise: number; seed: number }): Dataset {
  const common = { n: gen.samples, noise: gen.noise, seed: gen.seed };
  switch (name) {
    case "moons": return makeMoons(common);
    case "circles": return makeCircles({ ...common, factor: 0.5 });
    case "spirals": return makeSpirals(common);
    case "xor": return makeXor(common);
    case "blobs": return makeBlobs({ n: gen.samples, clusterStd: gen.noise, seed: gen.seed, centers: 3 });
    case "checkerboard": return makeCheckerboard(common);
    case "plane": return makePlane(common);
    case "multi-gaussian": return makeMultiGaussian(common);
    case "iris": return loadIris();
    case "breast-cancer": return loadBreastCancer();
    case "digits": return loadDigits();
  }
}

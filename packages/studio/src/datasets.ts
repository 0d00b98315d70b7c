import {
  loadBreastCancer, loadDigits, loadIris, makeBlobs, makeCheckerboard, makeCircles, makeMoons, makeMultiGaussian, makePlane, makeSpirals,
  makeXor,
  type Dataset,
} from "@nn/datasets";
import { defaultClasses, type BuiltinDataset } from "./setting.js";

/**
 * A built-in set: generated from (samples, noise, seed) for the synthetic ones, shipped data otherwise.
 * The regression sets (plane, multi-gaussian) have real-valued `y` and `numClasses` 0. `classes`
 * (spirals' arms, blobs' centres) defaults to the set's own, also when 0.
 */
export function builtinDataset(name: BuiltinDataset, gen: { samples: number; noise: number; seed: number; classes?: number }): Dataset {
  const common = { n: gen.samples, noise: gen.noise, seed: gen.seed };
  const classes = gen.classes !== undefined && gen.classes > 0 ? gen.classes : defaultClasses(name);
  switch (name) {
    case "moons": return makeMoons(common);
    case "circles": return makeCircles({ ...common, factor: 0.5 });
    case "spirals": return makeSpirals({ ...common, arms: classes });
    case "xor": return makeXor(common);
    case "blobs": return makeBlobs({ n: gen.samples, clusterStd: gen.noise, seed: gen.seed, centers: classes });
    case "checkerboard": return makeCheckerboard(common);
    case "plane": return makePlane(common);
    case "multi-gaussian": return makeMultiGaussian(common);
    case "iris": return loadIris();
    case "breast-cancer": return loadBreastCancer();
    case "digits": return loadDigits();
  }
}

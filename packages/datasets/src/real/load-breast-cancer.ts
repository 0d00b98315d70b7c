import { Tensor, checkOptions, decodeBase64, elementary, allocate } from "@nn/tensor";
import {
  BREAST_CANCER_BITS, BREAST_CANCER_DECIMALS, BREAST_CANCER_LABELS, BREAST_CANCER_MINIMA, BREAST_CANCER_PACKED,
} from "../data/breast-cancer-data.js";
import { checkDType } from "../option-checks.js";
import { BitReader } from "./bit-reader.js";
import { type DatasetInfo, LOAD_OPTIONS, type LoadOptions, type ShippedDataset, labelsFromDigits } from "./shipped-dataset.js";

export const BREAST_CANCER_INFO: DatasetInfo = {
  name: "Breast Cancer Wisconsin (Diagnostic)",
  description: "569 breast masses, 30 features of their cell nuclei from a digitised fine-needle aspirate image; malignant or benign.",
  citation: "W. Wolberg, O. Mangasarian, N. Street, W. Street (1995). Breast Cancer Wisconsin (Diagnostic). UCI Machine Learning Repository. Features from W. N. Street, W. H. Wolberg, O. L. Mangasarian (1993), Nuclear feature extraction for breast tumor diagnosis, Proc. SPIE 1905, 861–870.",
  source: "UCI Machine Learning Repository, Breast Cancer Wisconsin (Diagnostic), https://archive.ics.uci.edu/dataset/17 (doi:10.24432/C5DW2B); values and order as scikit-learn's load_breast_cancer.",
  license: "CC BY 4.0",
  notes: "Class 0 is malignant (212 rows), class 1 benign (357), as in scikit-learn.",
};

const PARTS = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension"];

/** scikit-learn's names: "mean radius" … "radius error" … "worst fractal dimension". */
const FEATURE_NAMES = [...PARTS.map((p) => `mean ${p}`), ...PARTS.map((p) => `${p} error`), ...PARTS.map((p) => `worst ${p}`)];

/** Breast Cancer Wisconsin (Diagnostic): x [569, 30], y 0 malignant / 1 benign. */
export function loadBreastCancer(options: LoadOptions = {}): ShippedDataset {
  checkOptions("loadBreastCancer", options, LOAD_OPTIONS);
  const dtype = checkDType("loadBreastCancer", options.dtype);
  const labels = labelsFromDigits(BREAST_CANCER_LABELS);
  const n = labels.length, f = BREAST_CANCER_BITS.length;
  const reader = new BitReader(decodeBase64(BREAST_CANCER_PACKED));
  const powers = BREAST_CANCER_DECIMALS.map((d) => elementary.pow(10, d));
  const x = allocate(dtype, n * f);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) {
      // m / 10^d with both exact doubles: the division rounds once, to the double nearest the
      // published decimal, exactly as parsing its text does (scripts/build-data.mjs).
      const m = BREAST_CANCER_MINIMA[j] + reader.read(BREAST_CANCER_BITS[j]);
      x[i * f + j] = m / powers[j];
    }
  }
  const y = dtype === "float64" ? Float64Array.from(labels) : Float32Array.from(labels);
  return {
    x: new Tensor(x, [n, f]),
    y: new Tensor(y, [n]),
    numClasses: 2,
    featureNames: FEATURE_NAMES,
    classNames: ["malignant", "benign"],
    info: BREAST_CANCER_INFO,
  };
}

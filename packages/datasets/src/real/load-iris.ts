import { Tensor, checkOptions, decodeBase64, allocate } from "@nn/tensor";
import { IRIS_LABELS, IRIS_TENTHS } from "../data/iris-data.js";
import { checkDType } from "../option-checks.js";
import { type DatasetInfo, LOAD_OPTIONS, type LoadOptions, type ShippedDataset, labelsFromDigits } from "./shipped-dataset.js";

export const IRIS_INFO: DatasetInfo = {
  name: "Iris",
  description: "150 iris flowers, 50 from each of 3 species, with sepal and petal length and width in cm.",
  citation: "R. A. Fisher (1936). The use of multiple measurements in taxonomic problems. Annals of Eugenics 7(2), 179–188.",
  source: "UCI Machine Learning Repository, Iris, https://archive.ics.uci.edu/dataset/53/iris (doi:10.24432/C56C76); values and order as scikit-learn's load_iris.",
  license: "CC BY 4.0",
  notes: "Samples 35 and 38 are Fisher's published values (4.9,3.1,1.5,0.2 and 4.9,3.6,1.4,0.1), not the two erroneous rows of the UCI file, as scikit-learn and R ship them.",
};

/** Fisher's iris data: x [150, 4] in cm, y the species (0 setosa, 1 versicolor, 2 virginica). */
export function loadIris(options: LoadOptions = {}): ShippedDataset {
  checkOptions("loadIris", options, LOAD_OPTIONS);
  const dtype = checkDType("loadIris", options.dtype);
  const tenths = decodeBase64(IRIS_TENTHS);
  const x = allocate(dtype, tenths.length);
  // Every value has one decimal: k / 10 is the double (or float) nearest to the decimal k tenths.
  for (let i = 0; i < tenths.length; i++) x[i] = tenths[i] / 10;
  const labels = labelsFromDigits(IRIS_LABELS);
  const y = dtype === "float64" ? Float64Array.from(labels) : Float32Array.from(labels);
  return {
    x: new Tensor(x, [labels.length, 4]),
    y: new Tensor(y, [labels.length]),
    numClasses: 3,
    featureNames: ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
    classNames: ["setosa", "versicolor", "virginica"],
    info: IRIS_INFO,
  };
}

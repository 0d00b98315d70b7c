import { Tensor, checkOptions, decodeBase64, allocate } from "@nn/tensor";
import { DIGITS_CODE_LENGTHS, DIGITS_LABELS, DIGITS_PACKED } from "../data/digits-data.js";
import { checkDType } from "../option-checks.js";
import { BitReader } from "./bit-reader.js";
import { HuffmanDecoder } from "./huffman.js";
import { type DatasetInfo, LOAD_OPTIONS, type LoadOptions, type ShippedDataset, labelsFromDigits } from "./shipped-dataset.js";

export const DIGITS_INFO: DatasetInfo = {
  name: "Optical Recognition of Handwritten Digits (8×8)",
  description: "1797 handwritten digits as 8×8 images, each pixel the count (0–16) of ink pixels in a 4×4 block of a 32×32 bitmap.",
  citation: "E. Alpaydin, C. Kaynak (1998). Optical Recognition of Handwritten Digits. UCI Machine Learning Repository. See also C. Kaynak (1995), Methods of Combining Multiple Classifiers and Their Applications to Handwritten Digit Recognition, MSc thesis, Bogazici University.",
  source: "UCI Machine Learning Repository, Optical Recognition of Handwritten Digits, https://archive.ics.uci.edu/dataset/80 (doi:10.24432/C50P49): the test set optdigits.tes, as scikit-learn's load_digits ships it.",
  license: "CC BY 4.0",
  notes: "Row-major pixels: feature 8r + c is row r, column c of the image.",
};

const SYMBOLS = 17, CONTEXTS = 25;

/** Coarse pixel value for the coding context; 0 means no neighbour (scripts/build-data.mjs mirrors this). */
function bucket(v: number): number {
  return v === 0 ? 1 : v <= 8 ? 2 : v < 16 ? 3 : 4;
}

/** The 8×8 digits: x [1797, 64] with integer pixels 0..16, y the digit 0..9. */
export function loadDigits(options: LoadOptions = {}): ShippedDataset {
  checkOptions("loadDigits", options, LOAD_OPTIONS);
  const dtype = checkDType("loadDigits", options.dtype);
  const labels = labelsFromDigits(DIGITS_LABELS);
  const n = labels.length;
  const decoders: HuffmanDecoder[] = [];
  for (let c = 0; c < CONTEXTS; c++) {
    const lengths = Array.from(DIGITS_CODE_LENGTHS.slice(c * SYMBOLS, (c + 1) * SYMBOLS), (ch) => parseInt(ch, 36));
    decoders.push(new HuffmanDecoder(lengths));
  }
  const reader = new BitReader(decodeBase64(DIGITS_PACKED));
  const x = allocate(dtype, n * 64);
  for (let i = 0; i < n; i++) {
    const o = i * 64;
    for (let p = 0; p < 64; p++) {
      const left = p % 8 === 0 ? 0 : bucket(x[o + p - 1]);
      const up = p < 8 ? 0 : bucket(x[o + p - 8]);
      x[o + p] = decoders[left * 5 + up].decode(reader);
    }
  }
  const featureNames: string[] = [];
  for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) featureNames.push(`pixel_${r}_${c}`);
  const y = dtype === "float64" ? Float64Array.from(labels) : Float32Array.from(labels);
  return {
    x: new Tensor(x, [n, 64]),
    y: new Tensor(y, [n]),
    numClasses: 10,
    featureNames,
    classNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    info: DIGITS_INFO,
  };
}

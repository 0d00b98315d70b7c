// Mistakes @nn/datasets used to accept or report badly (issue 19 item 12).
import { UnknownOptionError, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import {
  MinMaxScaler, NotFittedError, StandardScaler, batches, loadDigits, loadIris, loadBreastCancer, makeBlobs, makeCheckerboard, makeCircles,
  makeMoons, makeSpirals, makeXor, parseCsv, trainTestSplit,
} from "../src/index.js";

const tiny = makeMoons({ n: 10 });

describe("unknown-option-keys-refused in every options object of @nn/datasets", () => {
  it.each([
    ["makeMoons", () => makeMoons({ nosie: 0.1 } as never), 'makeMoons: unknown option "nosie" (did you mean "noise"?)'],
    ["makeCircles", () => makeCircles({ factr: 0.5 } as never), 'makeCircles: unknown option "factr" (did you mean "factor"?)'],
    ["makeSpirals", () => makeSpirals({ arm: 3 } as never), 'makeSpirals: unknown option "arm" (did you mean "arms"?)'],
    ["makeXor", () => makeXor({ samples: 10 } as never), 'makeXor: unknown option "samples"'],
    ["makeCheckerboard", () => makeCheckerboard({ cell: 3 } as never), 'makeCheckerboard: unknown option "cell" (did you mean "cells"?)'],
    ["makeBlobs", () => makeBlobs({ clusterSTD: 1 } as never), 'makeBlobs: unknown option "clusterSTD" (did you mean "clusterStd"?)'],
    ["loadIris", () => loadIris({ dtpye: "float64" } as never), 'loadIris: unknown option "dtpye" (did you mean "dtype"?)'],
    ["loadDigits", () => loadDigits({ type: "float64" } as never), 'loadDigits: unknown option "type" (did you mean "dtype"?)'],
    ["loadBreastCancer", () => loadBreastCancer({ scale: true } as never), 'loadBreastCancer: unknown option "scale"'],
    ["trainTestSplit", () => trainTestSplit(tiny, { testSize: 0.2, stratified: true } as never), 'trainTestSplit: unknown option "stratified" (did you mean "stratify"?)'],
    ["batches", () => batches(tiny, { batchSize: 2, drop_last: true } as never), 'batches: unknown option "drop_last" (did you mean "dropLast"?)'],
    ["MinMaxScaler", () => new MinMaxScaler({ range: [0, 1] } as never), 'MinMaxScaler: unknown option "range"'],
    ["parseCsv", () => parseCsv("a,b\n1,0\n", { labelColumns: "b" } as never), 'parseCsv: unknown option "labelColumns" (did you mean "labelColumn"?)'],
  ])("%s", (_name, make, message) => {
    expect(make).toThrow(message);
    expect(make).toThrow(UnknownOptionError);
  });
});

describe("scaler-before-fit-is-typed: NotFittedError", () => {
  it.each([
    ["StandardScaler.transform", () => new StandardScaler().transform(tensor([[1, 2]]))],
    ["StandardScaler.inverseTransform", () => new StandardScaler().inverseTransform(tensor([[1, 2]]))],
    ["MinMaxScaler.transform", () => new MinMaxScaler().transform(tensor([[1, 2]]))],
  ])("%s", (where, call) => {
    expect(call).toThrow(NotFittedError);
    expect(call).toThrow(`${where}: call fit (or fitTransform) first`);
  });
});

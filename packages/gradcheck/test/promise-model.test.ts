// checkModel and checkLayer given loadModel's Promise (no await) say so.
import { BinaryCrossEntropy, Dense, Sequential } from "@nn/layers";
import { zeros } from "@nn/tensor";
import { expect, it } from "vitest";
import { checkLayer, checkModel } from "../src/index.js";

it("checkModel and checkLayer refuse a Promise with the missing await named", () => {
  const pending = Promise.resolve(new Sequential([new Dense(2, 1)]));
  expect(() => checkModel(pending as never, new BinaryCrossEntropy(), zeros([1, 2]), zeros([1, 1]))).toThrow(
    "checkModel: expected a model, got a Promise: did you forget await loadModel(...)?",
  );
  expect(() => checkLayer(pending as never, zeros([1, 2]))).toThrow("checkLayer: expected a model, got a Promise");
});

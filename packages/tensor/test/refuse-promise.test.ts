// A model still wrapped in its Promise (a loader called without await) is named as such.
import { expect, it } from "vitest";
import { refusePromise } from "../src/index.js";

it("refusePromise names the missing await, and lets anything that is not a thenable through", () => {
  const pending = Promise.resolve({});
  expect(() => refusePromise(pending, "fit")).toThrow(new TypeError("fit: expected a model, got a Promise: did you forget await loadModel(...)?"));
  expect(() => refusePromise({ then: () => undefined }, "exportONNX", "a model", "loadONNX")).toThrow("exportONNX: expected a model, got a Promise: did you forget await loadONNX(...)?");
  for (const value of [null, undefined, 0, "model", {}, { then: 1 }]) expect(() => refusePromise(value, "fit")).not.toThrow();
});

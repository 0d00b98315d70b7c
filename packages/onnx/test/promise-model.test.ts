// exportONNX given loadModel's Promise (no await) says so instead of "not an nn model".
import { Dense, Sequential } from "@nn/layers";
import { expect, it } from "vitest";
import { exportONNX } from "../src/index.js";

it("exportONNX refuses a Promise with the missing await named", () => {
  const pending = Promise.resolve(new Sequential([new Dense(2, 1)]));
  expect(() => exportONNX(pending as never)).toThrow("exportONNX: expected a model, got a Promise: did you forget await loadModel(...)?");
});

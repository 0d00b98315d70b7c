// docs/api.md is the API reference; it must name every export of @nn/onnx, so it cannot fall behind the code.
import { expect, it } from "vitest";
import { undocumentedExports } from "../../../test-support/api-reference.js";

it("docs/api.md names every export of @nn/onnx and @nn/onnx/node", async () => {
  expect(undocumentedExports("@nn/onnx", await import("../src/index.js"))).toEqual([]);
  expect(undocumentedExports("@nn/onnx", await import("../src/node/index.js"))).toEqual([]);
});

// docs/api.md is the API reference; it must name every export of @nn/studio, so it cannot fall behind the code.
import { expect, it } from "vitest";
import { undocumentedExports } from "../../../test-support/api-reference.js";

it("docs/api.md names every export of @nn/studio", async () => {
  expect(undocumentedExports("@nn/studio", await import("../src/index.js"))).toEqual([]);
});

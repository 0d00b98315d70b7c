// The README's example is test/readme-example.ts verbatim, and it runs.
import { readFileSync } from "node:fs";
import { expect, it, vi } from "vitest";

it("README shows readme-example.ts verbatim", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
  const block = /<!-- example: test\/readme-example\.ts -->\s*```ts\n([\s\S]*?)```/.exec(readme);
  expect(block, "README needs the example block after its marker comment").not.toBeNull();
  expect(block?.[1]).toBe(example);
});

it("the README example prints the link, the flags and a finished run", async () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  await import("./readme-example.js");
  expect(log.mock.calls.map((c) => String(c[0]))).toEqual([
    // Only the entries that differ from the defaults, in the table's order.
    "data=spirals&noise=0.3&features=x1%2Cx2%2Cx1x2%2Csinx1%2Csinx2&layers=8%2C8&activation=tanh&epochs=300",
    "--data spirals --noise 0.3 --features x1,x2,x1x2,sinx1,sinx2 --layers 8,8 --activation tanh --epochs 300",
    // 300 epochs fit in 512 points; 5 inputs, two hidden layers of 8, one sigmoid output.
    "done at epoch 300, 300 points, neurons 5→8→8→1",
  ]);
  log.mockRestore();
});

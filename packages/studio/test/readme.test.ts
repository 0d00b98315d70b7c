// Every code block of the README runs (test-support/readme-blocks.ts); the `text output` block after
// the example is compared with what it prints.
import { expect, it } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

it("the README example prints the link, the flags and a finished run", async () => {
  const [example] = await runReadme(new URL("../README.md", import.meta.url));
  expect(example.printed).toEqual([
    // Only the entries that differ from the defaults, in the table's order.
    "data=spirals&noise=0.3&features=x1%2Cx2%2Cx1x2%2Csinx1%2Csinx2&layers=8%2C8&activation=tanh&epochs=300",
    "--data spirals --noise 0.3 --features x1,x2,x1x2,sinx1,sinx2 --layers 8,8 --activation tanh --epochs 300",
    // 300 epochs fit in 512 points; 5 inputs, two hidden layers of 8, one sigmoid output.
    "done at epoch 300, 300 points, neurons 5→8→8→1",
  ]);
});

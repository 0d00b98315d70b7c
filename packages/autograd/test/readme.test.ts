// Every code block of the README runs (test-support/readme-blocks.ts); here what it prints is checked.
import { expect, it } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

it("the README's examples print the worked values, and the models beyond Sequential train", async () => {
  const [example, walkthrough] = await runReadme(new URL("../README.md", import.meta.url));
  // c = tanh(a·b + 5) = tanh(−1); dc/da = (1 − tanh²(−1))·b, dc/db = (1 − tanh²(−1))·a, worked by hand.
  const slope = 1 - Math.tanh(-1) ** 2;
  expect(example.printed[0]).toBe(`c = ${Math.tanh(-1).toFixed(4)}, dc/da = ${slope * -3}, dc/db = ${slope * 2}`);
  expect(example.printed[1]).toBe("grad = [2,4,6]");
  const loss = Number(/loss after 300 Adam steps: ([\d.]+)/.exec(example.printed[2])?.[1]);
  // Chance level for balanced labels is log 2 ≈ 0.693; the network must have learned XOR well below it.
  expect(loss < 0.2, example.printed[2]).toBe(true);

  const largest = Number(/largest gradient difference: (\S+)/.exec(walkthrough.printed[0])?.[1]);
  expect(largest <= 1e-12, walkthrough.printed[0]).toBe(true);
  const correct = Number(/focal loss: (\d+)\/200/.exec(walkthrough.printed[1])?.[1]);
  expect(correct >= 190, walkthrough.printed[1]).toBe(true);
  const [, before, after] = /reconstruction error ([\d.]+) → ([\d.]+)/.exec(walkthrough.printed[2]) ?? [];
  expect(Number(after) < 0.2 * Number(before), walkthrough.printed[2]).toBe(true);
});

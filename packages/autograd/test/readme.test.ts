// Each README example is a file in test/ shown verbatim after its marker comment, and it runs.
import { readFileSync } from "node:fs";
import { expect, it, vi } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

function shownVerbatim(file: string): void {
  const example = readFileSync(new URL(`./${file}`, import.meta.url), "utf8");
  const marker = `<!-- example: test/${file} -->`;
  const at = readme.indexOf(marker);
  expect(at, `README needs the block after ${marker}`).toBeGreaterThanOrEqual(0);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(block?.[1]).toBe(example);
}

async function printed(module: string): Promise<string[]> {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    await import(module);
    return log.mock.calls.map((call) => String(call[0]));
  } finally {
    log.mockRestore();
  }
}

it("README shows readme-example.ts verbatim, and it prints the worked values", async () => {
  shownVerbatim("readme-example.ts");
  const lines = await printed("./readme-example.js");
  // c = tanh(−1); dc/da = (1 − tanh²(−1))·b, dc/db = (1 − tanh²(−1))·a, worked by hand.
  const slope = 1 - Math.tanh(-1) ** 2;
  expect(lines[0]).toBe(`c = ${Math.tanh(-1).toFixed(4)}, dc/da = ${slope * -3}, dc/db = ${slope * 2}`);
  expect(lines[1]).toBe("grad = [2,4,6]");
  const loss = Number(/loss after 300 Adam steps: ([\d.]+)/.exec(lines[2])?.[1]);
  // Chance level for balanced labels is log 2 ≈ 0.693; the network must have learned XOR well below it.
  expect(loss < 0.2, lines[2]).toBe(true);
});

it("README shows readme-walkthrough.ts verbatim: three ways agree, and two models beyond Sequential train", async () => {
  shownVerbatim("readme-walkthrough.ts");
  const lines = await printed("./readme-walkthrough.js");
  const largest = Number(/largest gradient difference: (\S+)/.exec(lines[0])?.[1]);
  expect(largest <= 1e-12, lines[0]).toBe(true);
  const correct = Number(/focal loss: (\d+)\/200/.exec(lines[1])?.[1]);
  expect(correct >= 190, lines[1]).toBe(true);
  const [, before, after] = /reconstruction error ([\d.]+) → ([\d.]+)/.exec(lines[2]) ?? [];
  expect(Number(after) < 0.2 * Number(before), lines[2]).toBe(true);
});

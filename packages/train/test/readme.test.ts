import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");

describe("README", () => {
  it("shows test/readme-example.ts verbatim as its first ts block", () => {
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(example);
  });

  it("the example runs and learns the moons", async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    try {
      await import("./readme-example.js");
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toMatch(/^epoch 25: loss \d\.\d{3}, lr 0\.01, val accuracy 0\.\d+$/);
    const accuracy = Number(/test accuracy (\d+\.\d)%/.exec(lines.at(-1) ?? "")?.[1]);
    expect(accuracy).toBeGreaterThanOrEqual(90);
    expect(lines.at(-2)).toMatch(/^(completed|early-stopping) after \d+ epochs \(best \d+\)$/);
  }, 60_000);
});

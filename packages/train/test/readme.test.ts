// Every code block of the README runs here (test-support/readme-blocks.ts), and what it prints is checked.
import { describe, expect, it } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

describe("README", () => {
  it("the example runs and learns the moons", async () => {
    const [example, shortest] = await runReadme(new URL("../README.md", import.meta.url));
    const lines = example.printed;
    expect(lines[0]).toMatch(/^epoch 25: loss \d\.\d{3}, lr 0\.01, val accuracy 0\.\d+$/);
    const accuracy = Number(/test accuracy (\d+\.\d)%/.exec(lines.at(-1) ?? "")?.[1]);
    expect(accuracy).toBeGreaterThanOrEqual(90);
    expect(lines.at(-2)).toMatch(/^(completed|early-stopping) after \d+ epochs \(best \d+\)$/);
    // The shortest form: 100 held-out rows; (0, 1) lies on the upper moon (class 0), (1, -0.5) on the lower (class 1).
    const validation = Number(/^validation accuracy (\S+)$/.exec(shortest.printed[0] ?? "")?.[1]);
    expect(validation).toBeGreaterThanOrEqual(0.9);
    expect(shortest.printed[1]).toBe("classes of (0, 1) and (1, -0.5): 0, 1");
  }, 60_000);
});

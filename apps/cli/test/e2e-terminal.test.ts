import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildBinary } from "./e2e/build-binary.js";
import { Tmux } from "./e2e/tmux.js";

// The built `nn` in a real pseudo-terminal (tmux): start it, press keys, read the screen.
const tmux = new Tmux(`nn-e2e-${process.pid}-${Date.now()}`);
const workDir = mkdtempSync(join(tmpdir(), "nn-e2e-"));
/** Polls the screen; on a timeout the error shows the last screen, so a failure says what nn drew. */
const until = async (fn: () => void, timeout = 60_000): Promise<void> => {
  try {
    await vi.waitFor(fn, { timeout, interval: 100 });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- screen ---\n${tmux.screen()}`, { cause: error });
  }
};
const epochOf = (screen: string): number => Number(/epoch (\d+)\/100000/.exec(screen)?.[1] ?? -1);

describe("nn in a real terminal", () => {
  let binary: string;

  beforeAll(async () => {
    Tmux.assertInstalled();
    binary = await buildBinary();
  });

  afterAll(() => tmux.kill());

  it("shows the live trainer; space, n, ?, +, l, s, r and q do what they say; exit 0", { timeout: 240_000 }, async () => {
    const model = join(workDir, "live.json");
    tmux.start(`node ${binary} train --epochs 100000 --save ${model}`, 120, 40, workDir);

    await until(() => expect(epochOf(tmux.screen())).toBeGreaterThan(2));
    const first = tmux.screen();
    expect(first).toContain("moons · 1000 samples");
    expect(first).toContain("2→64→32→1");
    expect(first).toContain("decision boundary");
    expect(first).toContain("gradient norm per layer");
    expect(first).toMatch(/[\u2801-\u28ff]/); // braille chart dots
    expect(first).toContain("RUNNING");

    // Training moves on by itself.
    await until(() => expect(epochOf(tmux.screen())).toBeGreaterThan(epochOf(first)));

    tmux.send("Space");
    await until(() => expect(tmux.screen()).toContain("PAUSED"));
    const paused = epochOf(tmux.screen());
    await new Promise((r) => setTimeout(r, 1000));
    expect(epochOf(tmux.screen())).toBe(paused);

    tmux.send("n");
    await until(() => expect(epochOf(tmux.screen())).toBe(paused + 1));

    tmux.send("?");
    await until(() => expect(tmux.screen()).toContain("double / halve the learning rate"));
    tmux.send("?");
    await until(() => expect(tmux.screen()).not.toContain("double / halve the learning rate"));

    tmux.send("+");
    await until(() => expect(tmux.screen()).toContain("lr 0.2"));

    tmux.send("l");
    await until(() => expect(tmux.screen()).toContain("(log scale)"));

    tmux.send("s");
    await until(() => expect(tmux.screen()).toContain(`saved to ${model}`));

    // r: a fresh run with the next seed, training again (a restart also ends the pause).
    tmux.send("r");
    await until(() => expect(tmux.screen()).toContain("seed 2"));
    await until(() => expect(tmux.screen()).toContain("RUNNING"));
    const restarted = epochOf(tmux.screen());
    await until(() => expect(epochOf(tmux.screen())).toBeGreaterThan(restarted));

    tmux.send("q");
    await until(() => expect(tmux.exitStatus()).toBe(0));
    expect(existsSync(model)).toBe(true);
  });
});

import { SETTING_FIELDS } from "@nn/studio";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { App } from "../src/ui/App.js";
import { InProcessSession } from "./fixtures/in-process-session.js";

const until = (fn: () => void) => vi.waitFor(fn, { timeout: 30_000, interval: 10 });
afterEach(() => cleanup());
const DOWN = "\u001b[B";
const RIGHT = "\u001b[C";
const ENTER = "\r";
const epochShown = (frame: string | undefined): number => Number(/epoch (\d+)[/ ]/.exec(frame ?? "")?.[1] ?? -1);

describe("the settings panel (e)", () => {
  it("lists every entry with its flag; ←→ change the selected one; Enter applies and the header follows", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", "--samples", "100", "--layers", "8,4"]);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 110, rows: 40 }} />);
    // Keys are read once the screen has drawn a frame or two.
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(2));
    stdin.write("e");
    await until(() => expect(lastFrame()).toContain("↑↓ choose"));
    const panel = lastFrame()!;
    for (const label of ["data set", "noise", "samples", "features", "hidden layers", "activation", "optimizer", "learning rate", "batch size", "L1", "L2", "dropout"]) {
      expect(panel).toContain(label);
    }
    expect(panel).toContain("--data");
    // Row 0 is the data set: → moves from moons to the next built-in set, circles.
    stdin.write(RIGHT);
    await until(() => expect(lastFrame()).toMatch(/data set\s+circles\s+\* new data, restart/));
    // Down to "hidden layers" (its row in the setting table) and one preset on from 8,4 (not a preset: the first one).
    for (let i = 0; i < SETTING_FIELDS.findIndex((f) => f.key === "layers"); i++) stdin.write(DOWN);
    stdin.write(RIGHT);
    await until(() => expect(lastFrame()).toMatch(/hidden layers\s+(?!8,4)[\d,]*\s+\* restarts the network/));
    stdin.write(ENTER);
    await until(() => expect(lastFrame()).toContain("circles · 100 samples"));
    expect(lastFrame()).not.toContain("2→8→4→1");
    expect(session.commands).toEqual(["apply"]);
  });

  it("Esc closes the panel and changes nothing", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", "--samples", "100", "--layers", "8,4"]);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 110, rows: 40 }} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(2));
    stdin.write("e");
    stdin.write(RIGHT);
    stdin.write("\u001b");
    await until(() => expect(lastFrame()).toContain("settings closed, nothing changed"));
    expect(session.commands).toEqual([]);
  });
});

describe("the network view (v) and the confusion matrix", () => {
  it("v shows every neuron's map, layers left to right, with each neuron's strongest incoming weight", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", "--samples", "100", "--layers", "3,2"]);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 120, rows: 40 }} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(2));
    stdin.write("v");
    await until(() => expect(lastFrame()).toContain("hidden 1·3"));
    const frame = lastFrame()!;
    const titles = ["inputs", "hidden 1·3", "hidden 2·2", "output"].map((t) => frame.split("\n").find((l) => l.includes(t))!.indexOf(t));
    expect(titles.every((x) => x >= 0)).toBe(true);
    // Layers left to right on one line.
    expect(frame.split("\n").filter((l) => l.includes("inputs") && l.includes("hidden 1·3") && l.includes("output"))).toHaveLength(1);
    // Under each hidden neuron: its strongest incoming weight and its source (an input here).
    expect(frame).toMatch(/[+-]\d+\.\d←x[₁₂]/);
    expect(frame).toContain("decision boundary");
  });

  it("iris (no 2-D map) shows a live confusion matrix of the held-out split", async () => {
    const session = await InProcessSession.start(["--data", "iris", "--epochs", "100000", "--layers", "8"]);
    const { lastFrame } = render(<App session={session} size={{ columns: 110, rows: 34 }} />);
    await until(() => expect(lastFrame()).toContain("confusion"));
    const frame = lastFrame()!;
    expect(frame).toMatch(/held out: \d+\/38 right/);
    for (const name of ["setosa", "versicolor", "virginica"]) expect(frame).toContain(name.slice(0, 6));
  });
});

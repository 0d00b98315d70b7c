import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { App } from "../src/ui/App.js";
import { InProcessSession } from "./fixtures/in-process-session.js";

const until = (fn: () => void) => vi.waitFor(fn, { timeout: 30_000, interval: 10 });
afterEach(() => cleanup());

const epochShown = (frame: string | undefined): number => Number(/epoch (\d+)[/ ]/.exec(frame ?? "")?.[1] ?? -1);
const small = ["--samples", "100", "--layers", "8,4"];
const size = { columns: 110, rows: 34 };

describe("live trainer screen and keys (the real frame protocol, in one thread)", () => {
  it("progress, curves and the map change as training runs; the first frames show the early epochs", async () => {
    // Frames 500 ms apart (the screen draws each well within that), so each shows the ramp's count.
    const session = await InProcessSession.start(["--epochs", "100000", ...small], 500);
    const { lastFrame, frames } = render(<App session={session} size={size} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(3));
    const shown = frames.map(epochShown).filter((e) => e >= 0);
    // The opening ramp: one epoch a frame for the first ten: epochs 1, 2 and 3 are each on screen.
    expect(shown).toContain(1);
    expect(shown).toContain(2);
    expect(shown).toContain(3);
    expect(lastFrame()).toContain("1 epoch/frame ↑");
    const later = lastFrame()!;
    expect(later).toContain("decision boundary");
    expect(later).toContain("gradient norm per layer");
    expect(later).toMatch(/[\u2801-\u28ff]/);
    expect(later).toContain("RUNNING");
  });

  it("space pauses (the epoch stops moving), n steps one epoch, space resumes", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", ...small]);
    const { lastFrame, stdin } = render(<App session={session} size={size} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(3));
    stdin.write(" ");
    await until(() => expect(lastFrame()).toContain("PAUSED"));
    const paused = epochShown(lastFrame());
    await new Promise((r) => setTimeout(r, 100));
    expect(epochShown(lastFrame())).toBe(paused);
    stdin.write("n");
    await until(() => expect(epochShown(lastFrame())).toBe(paused + 1));
    stdin.write(" ");
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(paused + 3));
    expect(session.commands).toEqual(["toggle", "step", "toggle"]);
  });

  it("paused, the screen draws nothing new (no frames, no re-render)", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", ...small]);
    const { lastFrame, stdin, frames } = render(<App session={session} size={size} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(3));
    stdin.write(" ");
    await until(() => expect(lastFrame()).toContain("PAUSED"));
    await new Promise((r) => setTimeout(r, 100));
    const count = frames.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(frames.length).toBe(count);
  });

  it("+ and - double and halve the learning rate in the header; r restarts keeping it", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", ...small]);
    const { lastFrame, stdin } = render(<App session={session} size={size} />);
    await until(() => expect(lastFrame()).toContain("lr 0.1 "));
    stdin.write("+");
    await until(() => expect(lastFrame()).toContain("lr 0.2 "));
    stdin.write("-");
    stdin.write("-");
    await until(() => expect(lastFrame()).toContain("lr 0.05 "));
    stdin.write("r");
    await until(() => expect(lastFrame()).toContain("seed 2"));
    expect(lastFrame()).toContain("lr 0.05 ");
    await until(() => expect(session.commands).toEqual(["scale-lr", "scale-lr", "scale-lr", "restart"]));
  });

  it("< and > step the speed (epochs per frame) and say so in the header", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", ...small], 300);
    const { lastFrame, stdin } = render(<App session={session} size={size} />);
    await until(() => expect(lastFrame()).toContain("1 epoch/frame ↑"));
    // From the ramp (1 epoch a frame this early), > steps on from the ladder's nearest step: 2.
    stdin.write(">");
    await until(() => expect(lastFrame()).toMatch(/2 epochs\/frame(?! ↑)/));
    for (let i = 0; i < 12; i++) stdin.write(">");
    await until(() => expect(lastFrame()).toContain("max speed"));
    stdin.write("<");
    await until(() => expect(lastFrame()).toContain("1000 epochs/frame"));
    for (let i = 0; i < 12; i++) stdin.write("<");
    await until(() => expect(lastFrame()).toContain("1 epoch/frame"));
  });

  it("at DONE the run stays (the header drops the speed); space trains on past the epoch count", async () => {
    const session = await InProcessSession.start(["--epochs", "40", ...small]);
    const { lastFrame, stdin } = render(<App session={session} size={size} />);
    await until(() => expect(lastFrame()).toContain("DONE"));
    expect(lastFrame()).toContain("epoch 40/40");
    // Nothing trains at DONE: no "N epochs/frame ↑" as if the ramp were still going.
    const header = lastFrame()!.split("\n")[0];
    expect(header).toContain("seed 1");
    expect(header).not.toMatch(/epochs?\/frame|max speed|↑/);
    stdin.write(" ");
    await until(() => expect(lastFrame()).toMatch(/epoch \d+ \(past 40\)/));
    await until(() => expect(lastFrame()!.split("\n")[0]).toMatch(/RUNNING .*epochs?\/frame/));
  });

  it("l switches the loss chart to a log scale and back; ? shows the keys", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", ...small]);
    const { lastFrame, stdin } = render(<App session={session} size={size} />);
    await until(() => expect(lastFrame()).toContain("(linear)"));
    stdin.write("l");
    await until(() => expect(lastFrame()).toContain("(log scale)"));
    stdin.write("?");
    await until(() => expect(lastFrame()).toContain("slower / faster: epochs per frame"));
    stdin.write("?");
    await until(() => expect(lastFrame()).toContain("decision boundary"));
  });

  it("s saves and says where; q stops the session and exits", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", ...small]);
    const onExit = vi.fn();
    const { lastFrame, stdin } = render(<App session={session} size={size} onExit={onExit} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(1));
    stdin.write("s");
    await until(() => expect(lastFrame()).toContain("saved to m.json"));
    stdin.write("q");
    await until(() => expect(onExit).toHaveBeenCalledOnce());
    expect(session.calls).toEqual(["save", "stop"]);
  });

  it("ctrl-c quits like q", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", ...small]);
    const onExit = vi.fn();
    const { stdin } = render(<App session={session} size={size} onExit={onExit} />);
    stdin.write("\u0003");
    await until(() => expect(onExit).toHaveBeenCalledOnce());
    expect(session.calls).toEqual(["stop"]);
  });
});

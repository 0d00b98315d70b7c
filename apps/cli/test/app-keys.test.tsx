import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { App } from "../src/ui/App.js";
import { ScriptedSession } from "./fixtures/scripted-session.js";

const until = (fn: () => void) => vi.waitFor(fn, { timeout: 20_000, interval: 10 });
afterEach(() => cleanup());

const epochShown = (frame: string | undefined): number => Number(/epoch (\d+)\//.exec(frame ?? "")?.[1] ?? -1);

describe("live trainer screen and keys (scripted session)", () => {
  it("progress and loss chart change as training runs", async () => {
    const session = new ScriptedSession(100_000, 3);
    const { lastFrame } = render(<App session={session} size={{ columns: 110, rows: 34 }} refreshMs={10} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(5));
    const early = lastFrame()!;
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(epochShown(early) + 20));
    const later = lastFrame()!;
    const chartOf = (frame: string) => frame.split("\n").filter((l) => /[\u2801-\u28ff]/.test(l)).join("\n");
    expect(chartOf(later)).not.toBe(chartOf(early));
    expect(later).toContain("loss");
    expect(later).toContain("accuracy");
    expect(later).toContain("decision boundary");
    expect(later).toContain("gradient norm per layer");
    expect(later).toMatch(/1\.2k samples\/s/);
    expect(later).toContain("RUNNING");
  });

  it("space pauses (the epoch stops moving), n steps one epoch, space resumes", async () => {
    const session = new ScriptedSession(100_000, 2);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 110, rows: 34 }} refreshMs={10} />);
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
    expect(session.calls).toEqual(["pause", "step", "resume"]);
  });

  it("+ and - double and halve the learning rate in the header", async () => {
    const session = new ScriptedSession(100_000, 1);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 110, rows: 34 }} refreshMs={10} />);
    await until(() => expect(lastFrame()).toContain("lr 0.1"));
    stdin.write("+");
    await until(() => expect(lastFrame()).toContain("lr 0.2"));
    stdin.write("-");
    stdin.write("-");
    await until(() => expect(lastFrame()).toContain("lr 0.05"));
    expect(session.calls).toEqual(["lr 0.2", "lr 0.1", "lr 0.05"]);
  });

  it("l switches the loss chart to a log scale and back", async () => {
    const session = new ScriptedSession(100_000, 1);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 110, rows: 34 }} refreshMs={10} />);
    await until(() => expect(lastFrame()).toContain("(linear)"));
    stdin.write("l");
    await until(() => expect(lastFrame()).toContain("(log scale)"));
    stdin.write("l");
    await until(() => expect(lastFrame()).toContain("(linear)"));
  });

  it("? shows the key help and ? closes it", async () => {
    const session = new ScriptedSession(100_000, 1);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 110, rows: 34 }} refreshMs={10} />);
    await until(() => expect(lastFrame()).toContain("decision boundary"));
    stdin.write("?");
    await until(() => expect(lastFrame()).toContain("double / halve the learning rate"));
    expect(lastFrame()).not.toContain("decision boundary");
    stdin.write("?");
    await until(() => expect(lastFrame()).toContain("decision boundary"));
  });

  it("r restarts with the next seed from epoch 0", async () => {
    const session = new ScriptedSession(100_000, 1);
    const { lastFrame, stdin } = render(<App session={session} size={{ columns: 110, rows: 34 }} refreshMs={15} />);
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(10));
    session.paused = true;
    stdin.write("r");
    await until(() => expect(lastFrame()).toContain("seed 2"));
    await until(() => expect(epochShown(lastFrame())).toBe(0));
    expect(session.calls).toEqual(["restart 2"]);
  });

  it("s saves and says where; q stops the session and exits", async () => {
    const session = new ScriptedSession(100_000, 1);
    const onExit = vi.fn();
    const { lastFrame, stdin, frames } = render(
      <App session={session} size={{ columns: 110, rows: 34 }} refreshMs={10} onExit={onExit} />,
    );
    await until(() => expect(epochShown(lastFrame())).toBeGreaterThan(1));
    stdin.write("s");
    await until(() => expect(lastFrame()).toContain("saved to m.json"));
    stdin.write("q");
    await until(() => expect(onExit).toHaveBeenCalledOnce());
    expect(session.calls).toEqual(["save", "stop"]);
    const count = frames.length;
    await new Promise((r) => setTimeout(r, 80));
    expect(frames.length).toBe(count);
  });

  it("ctrl-c quits like q", async () => {
    const session = new ScriptedSession(100_000, 1);
    const onExit = vi.fn();
    const { stdin } = render(<App session={session} size={{ columns: 110, rows: 34 }} refreshMs={10} onExit={onExit} />);
    stdin.write("\u0003");
    await until(() => expect(onExit).toHaveBeenCalledOnce());
    expect(session.calls).toEqual(["stop"]);
  });
});

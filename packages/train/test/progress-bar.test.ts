// The Node progress display: one line redrawn in place on a terminal, a few plain lines in a pipe,
// nothing at verbose 0; the numbers it shows are the History's.
import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { describe, expect, it } from "vitest";
import { type History, fit } from "../src/index.js";
import { type ProgressBarOptions, progressBar } from "../src/node/index.js";
import { moons, smallNet } from "./fixtures.js";

const { train, test } = moons(120, 2); // 90 training rows: batches of 32, 32, 26

function train100(options: ProgressBarOptions, epochs = 100): { text: string; history: History } {
  const chunks: string[] = [];
  const stream = { isTTY: options.stream?.isTTY, columns: 200, write: (s: string) => void chunks.push(s) };
  const model = smallNet(1);
  let clock = 0;
  const history = fit(model, {
    loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, validation: test, epochs,
    callbacks: progressBar({ ...options, stream, now: () => (clock += 30) }),
  });
  return { text: chunks.join(""), history };
}

describe("progressBar", () => {
  it("on a terminal: one line rewritten with \\r, a single newline at the end", () => {
    const { text, history } = train100({ stream: { isTTY: true, write: () => undefined } });
    expect(text.split("\n")).toHaveLength(3); // the bar's line, the closing line, and "" after the last \n
    expect(text).toContain("\r");
    const lastBar = text.split("\n")[0].split("\r").at(-1) ?? "";
    const last = history.epochs[99];
    expect(lastBar).toContain(`epoch 100/100  loss ${last.train.loss.toFixed(4)}  acc ${((last.train.accuracy ?? NaN) * 100).toFixed(1)}%`);
    expect(lastBar).toContain(`val_loss ${(last.validation?.loss ?? NaN).toFixed(4)}`);
    expect(text.split("\n")[1]).toMatch(/^done: 100 epochs in \d+\.\d s$/);
  });

  it("in a pipe: plain lines, epoch 1, every 5th and the last (21 for 100 epochs), no escape codes", () => {
    const { text } = train100({ stream: { isTTY: false, write: () => undefined } });
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(22);
    expect(lines.slice(0, 21).map((l) => Number(/^epoch (\d+)\/100 /.exec(l)?.[1]))).toEqual([1, ...Array.from({ length: 20 }, (_, i) => 5 * (i + 1))]);
    expect(text).not.toContain("\r");
    expect(text).not.toContain("\u001b"); // no ANSI escape sequences
  });

  it("verbose 0 writes nothing; verbose 2 on a terminal writes lines", () => {
    expect(train100({ verbose: 0, stream: { isTTY: true, write: () => undefined } }, 3).text).toBe("");
    expect(train100({ verbose: 2, stream: { isTTY: true, write: () => undefined } }, 3).text.trimEnd().split("\n")).toHaveLength(4);
  });

  it("refuses an unknown verbosity", () => {
    expect(() => progressBar({ verbose: 3 as 2 })).toThrow('progressBar: verbose must be "auto", 0, 1 or 2, got 3');
  });
});

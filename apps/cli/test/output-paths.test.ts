import { execFileSync, spawn } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadModel } from "@nn/layers/node";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

const TRAIN = ["train", "--epochs", "3", "--samples", "200", "--layers", "8", "--plain"];
const fresh = (): string => mkdtempSync(join(tmpdir(), "nn-out-"));
const isRoot = process.getuid?.() === 0;
const epochLines = (text: string): number => text.split("\n").filter((line) => line.startsWith("epoch")).length;

// A model and an input file for predict and export.
const shared = fresh();
const model = join(shared, "m.json");
const input = join(shared, "x.csv");
beforeAll(async () => {
  expect((await runCli([...TRAIN, "--save", model])).code).toBe(0);
  writeFileSync(input, "x0,x1\n0.5,0.25\n-1,2\n");
});

describe("output paths are checked before any work, naming the user's path", () => {
  it("train --save into a missing directory: exit 2 before the first epoch", async () => {
    const dir = fresh();
    const path = join(dir, "missing", "m.json");
    const r = await runCli([...TRAIN, "--save", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`nn train: --save: cannot write ${path}: the directory ${join(dir, "missing")} does not exist\n`);
    expect(epochLines(r.stdout)).toBe(0);
  });

  it("train --save onto a directory, and a link to one: refused, the directory untouched", async () => {
    const dir = fresh();
    mkdirSync(join(dir, "out"));
    symlinkSync("out", join(dir, "link"));
    const r = await runCli([...TRAIN, "--save", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`nn train: --save: cannot write ${join(dir, "out")}: it is a directory; give a file name\n`);
    const viaLink = await runCli([...TRAIN, "--save", join(dir, "link")]);
    expect(viaLink.stderr).toBe(`nn train: --save: cannot write ${join(dir, "link")}: it links to ${join(dir, "out")}, and it is a directory; give a file name\n`);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  });

  it("predict --output and export --output into a missing directory: refused before the model is read", async () => {
    const dir = fresh();
    const out = join(dir, "nowhere", "p.csv");
    // The model does not exist either: the output is checked first, so that is the error.
    const p = await runCli(["predict", "--model", join(dir, "absent.json"), "--input", input, "--output", out]);
    expect(p.code).toBe(2);
    expect(p.stderr).toBe(`nn predict: --output: cannot write ${out}: the directory ${join(dir, "nowhere")} does not exist\n`);
    const e = await runCli(["export", "--model", model, "--output", dir]);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe(`nn export: --output: cannot write ${dir}: it is a directory; give a file name\n`);
  });

  it("a path through a regular file: names the file that is not a directory", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "plain"), "x");
    const path = join(dir, "plain", "m.json");
    const r = await runCli([...TRAIN, "--save", path]);
    expect(r.stderr).toBe(`nn train: --save: cannot write ${path}: ${join(dir, "plain")} is not a directory\n`);
  });

  it("an existing read-only model is not replaced", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "keep.json"), "precious");
    chmodSync(join(dir, "keep.json"), 0o444);
    const r = await runCli([...TRAIN, "--save", join(dir, "keep.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`nn train: --save: cannot write ${join(dir, "keep.json")}: the file is read-only\n`);
    expect(readFileSync(join(dir, "keep.json"), "utf8")).toBe("precious");
  });

  // Root may write into any directory (access() says yes), so only another user can see this refusal.
  it.skipIf(isRoot)("a directory the user may not write into (skipped as root, who bypasses permissions)", async () => {
    const dir = fresh();
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o555);
    const path = join(dir, "locked", "m.json");
    const r = await runCli([...TRAIN, "--save", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^nn train: --save: cannot write ${path}: the directory ${join(dir, "locked")} is not writable`));
  });
});

describe("saves replace only regular files", () => {
  it("train --save through a chain of links writes the real file; the links stay links", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "real.json"), "old");
    symlinkSync("real.json", join(dir, "hop.json"));
    symlinkSync("hop.json", join(dir, "link.json"));
    const r = await runCli([...TRAIN, "--save", join(dir, "link.json")]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, "hop.json")).isSymbolicLink()).toBe(true);
    expect((await loadModel(join(dir, "real.json"))).parameters()[0].value.shape).toEqual([2, 8]);
    expect(readdirSync(dir).sort()).toEqual(["hop.json", "link.json", "real.json"]);
  });

  it("predict --output onto a FIFO: the reader gets the predictions; the FIFO stays a FIFO", async () => {
    const dir = fresh();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const done = new Promise((resolve) => reader.on("close", resolve));
    const r = await runCli(["predict", "--model", model, "--input", input, "--output", fifo]);
    await done;
    expect(r.code).toBe(0);
    expect(received.split("\n")[0]).toBe("class,p_0,p_1");
    expect(received.trimEnd().split("\n")).toHaveLength(3);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["pipe"]);
  });

  it("train --save and export --output onto a null device made with mknod stay devices", async (context) => {
    const dir = fresh();
    const device = join(dir, "null");
    try {
      execFileSync("mknod", [device, "c", "1", "3"], { stdio: "ignore" });
    } catch {
      context.skip("mknod is not permitted here (it needs root or CAP_MKNOD)");
    }
    const r = await runCli([...TRAIN, "--save", device]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`model saved to ${device}`);
    expect((await runCli(["export", "--model", model, "--output", device])).code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(["null"]);
  });
});

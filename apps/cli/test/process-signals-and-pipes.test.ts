import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadModel } from "@nn/layers/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appDir, buildBinary } from "./e2e/build-binary.js";
import { Tmux } from "./e2e/tmux.js";

// The built `nn` as a real process: real pipes to `head -1`, real signals. Its own build directory,
// so it never races the terminal test's build.
let binary: string;
beforeAll(async () => {
  binary = await buildBinary(`${appDir}node_modules/.cache/nn-process-test`);
});

const SMALL = ["--samples", "200", "--layers", "8"];
const fresh = (): string => mkdtempSync(join(tmpdir(), "nn-process-"));
const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith(".tmp"));
const quoted = (args: readonly string[]): string => args.map((a) => `'${a}'`).join(" ");

/** `nn args | head -1` through a real pipe: nn's exit status, what head printed, nn's stderr. */
function pipedToHead(args: readonly string[], cwd: string): { code: number; head: string; stderr: string } {
  const script = `node '${binary}' ${quoted(args)} 2>nn-stderr.txt | head -1; exit \${PIPESTATUS[0]}`;
  const r = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, head: r.stdout, stderr: readFileSync(join(cwd, "nn-stderr.txt"), "utf8") };
}

/** Starts `nn args` and resolves once it has printed its first epoch line. */
async function startTraining(args: readonly string[], cwd: string) {
  const child = spawn("node", [binary, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (/"epoch":1,|epoch +1\//.test(stdout)) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(poll);
      reject(new Error(`nn exited (${code}) before training: ${stderr}`));
    });
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("a closed stdout (EPIPE) stops the output, not the run", () => {
  it("nn train --json --save m.json | head -1 still trains every epoch and saves, quietly", async () => {
    const dir = fresh();
    const r = pipedToHead(["train", "--epochs", "3000", ...SMALL, "--json", "--save", "m.json"], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.head) as { epoch: number }).epoch).toBe(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.stderr).toMatch(/^done: 3000 epochs in /); // the --json summary is on stderr, which is still open
    const model = await loadModel(join(dir, "m.json"));
    expect((model.metadata as { trainedEpochs: number }).trainedEpochs).toBe(3000);
    expect(leftovers(dir)).toEqual([]);
  });

  it("nn --plain | head -1 and nn --json | head -1 end at once (nothing to save), exit 0, print nothing else", () => {
    const dir = fresh();
    for (const mode of ["--plain", "--json"]) {
      // 100000 epochs would take minutes: the run ends because its output is gone.
      const r = pipedToHead([mode, "--epochs", "100000", ...SMALL], dir);
      expect(r.code).toBe(0);
      expect(r.head).toMatch(mode === "--json" ? /^\{"epoch":1,/ : /^epoch +1\/100000 /);
      expect(r.stderr).toBe("");
    }
  });

  it("nn predict | head -1 on output far larger than a pipe holds ends quietly", () => {
    const dir = fresh();
    expect(spawnSync("node", [binary, "train", "--plain", "--epochs", "3", ...SMALL, "--save", "m.json"], { cwd: dir }).status).toBe(0);
    // 20000 rows of about 30 bytes of predictions: some 600 kB, ten times a Linux pipe's buffer.
    writeFileSync(join(dir, "x.csv"), "x0,x1\n" + Array.from({ length: 20_000 }, (_, i) => `${(i % 7) / 3},${(i % 5) / 2}`).join("\n") + "\n");
    const r = pipedToHead(["predict", "--model", "m.json", "--input", "x.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.head).toBe("class,p_0,p_1\n");
    expect(r.stderr).toBe("");
  });
});

describe("stdout on a full device", () => {
  it("says the output was lost and exits 1 (a full disk is a failure, a closed pipe is not)", (context) => {
    const dir = fresh();
    const device = join(dir, "full");
    try {
      execFileSync("mknod", [device, "c", "1", "7"], { stdio: "ignore" }); // 1,7: the full device, every write fails ENOSPC
    } catch {
      context.skip("mknod is not permitted here (it needs root or CAP_MKNOD)");
    }
    const out = openSync(device, "w");
    try {
      const r = spawnSync("node", [binary, "datasets"], { cwd: dir, stdio: ["ignore", out, "pipe"], encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("nn: cannot write to stdout: ENOSPC: no space left on device, write; output stopped\n");
    } finally {
      closeSync(out);
    }
  });
});

describe("a directory nn may not write into", () => {
  // Root may write anywhere (access() says yes to root), so as root nn runs as the user nobody here.
  it("train --save there is refused before training, naming the directory", (context) => {
    const dir = fresh();
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, "locked"), { mode: 0o555 });
    chmodSync(join(dir, "locked"), 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (spawnSync("node", [binary, "--help"], { cwd: dir, ...asUser }).status !== 0) {
      context.skip("the user nobody cannot run this checkout's nn (a checkout under a private home directory)");
    }
    const r = spawnSync("node", [binary, "train", "--plain", "--epochs", "5", ...SMALL, "--save", "locked/m.json"], { cwd: dir, encoding: "utf8", ...asUser });
    expect(r.stderr).toBe("nn train: --save: cannot write locked/m.json: the directory locked is not writable: permission denied (EACCES)\n");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(""); // not one epoch trained
    expect(readdirSync(join(dir, "locked"))).toEqual([]);
  });
});

describe("an output path that links to the process's own stdout", () => {
  it("predict --output link, where link → /proc/self/fd/1, prints the predictions to stdout", () => {
    const dir = fresh();
    expect(spawnSync("node", [binary, "train", "--plain", "--epochs", "3", ...SMALL, "--save", "m.json"], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, "x.csv"), "x0,x1\n0.5,0.25\n-1,2\n");
    symlinkSync("/proc/self/fd/1", join(dir, "out.csv"));
    // Through a real pipe (`| cat`): spawnSync's own stdio is a socket pair, which /proc cannot reopen.
    const script = `node '${binary}' predict --model m.json --input x.csv --output out.csv | cat; exit \${PIPESTATUS[0]}`;
    const r = spawnSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(r.stdout.startsWith("class,p_0,p_1\n")).toBe(true);
    expect(lstatSync(join(dir, "out.csv")).isSymbolicLink()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("SIGTERM and SIGHUP act as Ctrl-C: save with --save, exit 128 + the signal", () => {
  const cases = [
    { signal: "SIGTERM", code: 143, mode: "--plain" },
    { signal: "SIGHUP", code: 129, mode: "--plain" },
    { signal: "SIGINT", code: 130, mode: "--plain" },
    { signal: "SIGTERM", code: 143, mode: "--json" },
    { signal: "SIGHUP", code: 129, mode: "--json" },
  ] as const;
  for (const { signal, code, mode } of cases) {
    it(`${signal} on nn train ${mode} --save: the model is saved and loads, no temporary file`, async () => {
      const dir = fresh();
      const run = await startTraining(["train", mode, "--epochs", "1000000", ...SMALL, "--save", "m.json"], dir);
      run.child.kill(signal);
      expect(await run.exited).toBe(code);
      const { stdout, stderr } = run.output();
      const summary = mode === "--json" ? stderr : stdout;
      expect(summary).toMatch(/interrupted after \d+\/1000000 epochs/);
      expect(summary).toContain("model saved to m.json");
      const model = await loadModel(join(dir, "m.json"));
      expect((model.metadata as { trainedEpochs: number }).trainedEpochs).toBeGreaterThan(0);
      expect(leftovers(dir)).toEqual([]);
    });
  }
});

describe("other commands end at the first signal", () => {
  it("SIGTERM ends a long nn gradcheck at once, inside its computation, with 143", async () => {
    const dir = fresh();
    // A million coordinates of a 512×512 network: hours of central differences, one synchronous loop.
    const child = spawn("node", [binary, "gradcheck", "--layers", "512,512", "--rows", "64", "--max-coordinates", "1000000"], { cwd: dir });
    const exited = new Promise<string | number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // started and busy (it prints nothing until done)
    expect(child.exitCode).toBeNull();
    child.kill("SIGTERM");
    // Killed by the signal's default action, which a shell reports as 143.
    expect(await exited).toBe("SIGTERM");
  });
});

describe("a second Ctrl-C during a save", () => {
  it("says the save was interrupted, exits 130, and leaves neither a temporary file nor a model", async () => {
    const dir = fresh();
    // A big model (about 2 MB of JSON), so the save lasts long enough to be caught in the act.
    const run = await startTraining(["train", "--plain", "--epochs", "100000", "--samples", "200", "--layers", "600,600", "--save", "big.json"], dir);
    run.child.kill("SIGINT");
    let temp: string | undefined;
    for (let polls = 0; temp === undefined && polls < 5_000_000 && run.child.exitCode === null; polls++) temp = leftovers(dir)[0];
    expect(temp, "the save's temporary file was never seen; the save was too quick to interrupt").toBeDefined();
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(130);
    expect(run.output().stderr).toBe("nn: the save of big.json was interrupted (SIGINT); big.json is unchanged\n");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the live screen (a real terminal)", () => {
  const tmux = new Tmux(`nn-signals-${process.pid}-${Date.now()}`);
  afterAll(() => tmux.kill());

  it("SIGTERM saves with --save and exits 143; SIGHUP exits 129", { timeout: 180_000 }, async () => {
    Tmux.assertInstalled();
    for (const { signal, code } of [{ signal: "SIGTERM", code: 143 }, { signal: "SIGHUP", code: 129 }] as const) {
      const dir = fresh();
      tmux.start(`node ${binary} train --epochs 1000000 --samples 200 --save live.json`, 120, 40, dir);
      await until(() => /epoch \d+\/1000000/.test(tmux.screen()));
      process.kill(nnPid(tmux), signal);
      await until(() => tmux.exitStatus() !== undefined);
      expect(tmux.exitStatus()).toBe(code);
      expect(tmux.screen()).toContain("model saved to live.json");
      const model = await loadModel(join(dir, "live.json"));
      expect((model.metadata as { trainedEpochs: number }).trainedEpochs).toBeGreaterThan(0);
      expect(leftovers(dir)).toEqual([]);
      tmux.kill();
    }
  });
});

describe("a second signal during a save on the live screen", () => {
  const tmux = new Tmux(`nn-signals-save-${process.pid}-${Date.now()}`);
  afterAll(() => tmux.kill());

  // The save runs in the training thread; the main thread, exiting, removes that thread's temporary file.
  it("removes the training thread's temporary file, says so, and exits 130", { timeout: 180_000 }, async () => {
    Tmux.assertInstalled();
    const dir = fresh();
    tmux.start(`node ${binary} train --epochs 100000 --samples 200 --layers 600,600 --save big.json`, 120, 40, dir);
    await until(() => /epoch \d+\/100000/.test(tmux.screen()));
    const pid = nnPid(tmux);
    process.kill(pid, "SIGINT");
    let temp: string | undefined;
    for (let polls = 0; temp === undefined && polls < 5_000_000; polls++) temp = leftovers(dir)[0];
    expect(temp, "the save's temporary file was never seen; the save was too quick to interrupt").toBeDefined();
    process.kill(pid, "SIGINT");
    await until(() => tmux.exitStatus() !== undefined);
    expect(tmux.exitStatus()).toBe(130);
    expect(tmux.screen().replace(/\s+/g, " ")).toContain("the save of big.json was interrupted (SIGINT); big.json is unchanged");
    expect(readdirSync(dir)).toEqual([]);
  });
});

async function until(done: () => boolean, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for nn");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pid of the node process the pane's shell started (the shell is the pane's own process). */
function nnPid(tmux: Tmux): number {
  const shell = spawnSync("tmux", ["-L", tmux.socket, "display-message", "-p", "#{pane_pid}"], { encoding: "utf8" }).stdout.trim();
  const children = readFileSync(`/proc/${shell}/task/${shell}/children`, "utf8").trim().split(/\s+/);
  return Number(children[0]);
}

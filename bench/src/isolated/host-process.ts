import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Clock, Sampler } from "../timing.js";
import type { HostAnswer, HostRequest } from "./protocol.js";

/** The last this many characters of a host's stderr go into the error when it fails. */
const STDERR_KEPT = 4000;

/**
 * One implementation in a process of its own, spoken to line by line (`protocol.ts`). Timing
 * each implementation in its own process keeps one library's garbage collection, compiler threads
 * and allocator out of another's figures: a process's CPU clock counts every thread of it, and
 * the garbage collector's helpers collect whatever any row left behind.
 */
export class HostProcess implements Sampler {
  readonly name: string;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly answers: AsyncIterator<string>;
  private stderr = "";
  private readonly exited: Promise<string>;

  constructor(name: string, command: string, args: readonly string[], private readonly clock: Clock, env?: NodeJS.ProcessEnv) {
    this.name = name;
    this.child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], env: env ?? process.env });
    // Writing to a host that has died fails on the pipe; the exit itself is what gets reported.
    this.child.stdin.on("error", () => {});
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEPT);
    });
    this.answers = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
    this.exited = new Promise((resolve) => {
      this.child.on("error", (error) => resolve(error.message));
      this.child.on("close", (code, signal) => resolve(signal !== null ? `killed by ${signal}` : `exited with code ${code}`));
    });
  }

  /** Sends one request and waits for its answer; a host that fails or dies rejects with its stderr. */
  async request(request: HostRequest): Promise<HostAnswer> {
    this.child.stdin.write(JSON.stringify(request) + "\n");
    const next = await Promise.race([this.answers.next(), this.exited.then(() => ({ done: true as const, value: undefined }))]);
    // Its output ends when it dies: the exit (code or signal, or why it never started) says why.
    if (next.done === true) throw new Error(`${this.name}: the process ${await this.exited} during "${request.op}"${this.stderrTail()}`);
    const answer = JSON.parse(next.value) as HostAnswer;
    if (answer.error !== undefined) throw new Error(`${this.name}: "${request.op}" failed: ${answer.error}${this.stderrTail()}`);
    return answer;
  }

  private stderrTail(): string {
    const tail = this.stderr.trim();
    return tail === "" ? "" : `\n${tail}`;
  }

  /** Warms the implementation for `seconds` (a trainer then resets to the spec's weights); units it took. */
  async warm(seconds: number): Promise<number> {
    return (await this.request({ op: "warm", seconds, clock: this.clock })).units ?? 0;
  }

  async calibrate(seconds: number): Promise<number> {
    return (await this.request({ op: "calibrate", seconds, clock: this.clock })).units ?? 1;
  }

  async run(units: number): Promise<void> {
    await this.request({ op: "run", units });
  }

  async sample(units: number): Promise<number> {
    const { seconds } = await this.request({ op: "sample", units, clock: this.clock });
    if (seconds === undefined) throw new Error(`${this.name}: "sample" answered no seconds`);
    return seconds;
  }

  async loss(): Promise<number> {
    const { loss } = await this.request({ op: "loss" });
    if (loss === undefined) throw new Error(`${this.name}: "loss" answered no loss`);
    return loss;
  }

  /** Has the host write its last product to `path` (raw float32). */
  async result(path: string): Promise<void> {
    await this.request({ op: "result", path });
  }

  /** Closes the host's input, which ends it, and waits for it to go. */
  async close(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }
}

/** A JavaScript row in its own Node process (`impl-host.ts`, built next to the bench's run.js). */
export function nodeHost(kind: "training" | "matmul", name: string, impl: string, quick: boolean, clock: Clock): HostProcess {
  const script = fileURLToPath(new URL("./impl-host.js", import.meta.url));
  return new HostProcess(impl, process.execPath, [script, kind, name, impl, ...(quick ? ["--quick"] : [])], clock);
}

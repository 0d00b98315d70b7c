import { main } from "./main.js";

/**
 * `nn` as a process: argv in, exit code out. Ctrl-C: the live screen reads it as a key (raw mode);
 * in plain mode SIGINT aborts the run, which then saves (with --save) and exits 130. A second
 * Ctrl-C exits at once, mid-save or not: saving writes a temporary file and renames it, so the
 * model file is never left half-written.
 */
export async function runFromProcess(): Promise<void> {
  const interrupt = new AbortController();
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    interrupt.abort();
  });
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    processStreams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
    interrupt: interrupt.signal,
  });
  process.exitCode = code;
  // Ink or a pending timer must not keep a finished run alive.
  setTimeout(() => process.exit(code), 50).unref();
}

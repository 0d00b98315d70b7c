import { discardUnfinishedWrites } from "@nn/layers/node";
import { EXIT_OK, EXIT_TRAINING_FAILED } from "./args/usage-error.js";
import { guardOutput } from "./closed-output.js";
import { commandFor, main } from "./main.js";
import { exitCodeForInterrupt, SHUTDOWN_SIGNALS } from "./shutdown-signals.js";

/**
 * `nn` as a process: argv in, exit code out.
 *
 * Ctrl-C, SIGTERM and SIGHUP all stop a run the same way: training stops, the model is saved (with
 * --save), and the exit code is 128 + the signal (130, 143, 129); other commands end at once. The
 * live screen reads a typed Ctrl-C as a key (raw mode); these signals from outside reach it too. A
 * second signal exits at once; if a save was under way its temporary file is removed and the
 * message says the save was interrupted: the model file is then exactly as it was before.
 *
 * A closed stdout (EPIPE, `nn --json | head -1`) ends the output, not the run: commands stop
 * printing, a run with --save still trains and saves, and the process exits without a stack trace.
 * Output lost any other way (a full disk: ENOSPC) is said on stderr and makes the exit code 1.
 */
export async function runFromProcess(): Promise<void> {
  const stderr = guardOutput(process.stderr, "stderr", () => ({ write: () => false }));
  const stdout = guardOutput(process.stdout, "stdout", () => stderr.stream);
  const outputs = new Set<string>();
  // Whatever ends the process mid-save (a second signal, a second Ctrl-C typed on the live screen),
  // no temporary file of ours outlives it, and the user hears that the save did not happen.
  let endedBy = "";
  process.on("exit", () => {
    for (const path of outputs) {
      if (discardUnfinishedWrites(path).length > 0) {
        stderr.stream.write(`nn: the save of ${path} was interrupted${endedBy}; ${path} is unchanged\n`);
      }
    }
  });

  const argv = process.argv.slice(2);
  // A command that stops by itself (train: it saves first) gets the first signal. Any other keeps
  // the signals' default action (end at once, even inside a long computation: a JavaScript handler
  // would wait for it) until it starts writing a file; then a signal ends it here, without leaving
  // the file's temporary file behind.
  const graceful = commandFor(argv)?.command.stopsOnInterrupt === true;
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (graceful && !interrupt.signal.aborted) {
      interrupt.abort(signal);
      return;
    }
    endedBy = ` (${signal})`;
    process.exit(exitCodeForInterrupt(signal)); // the exit handler above removes an unfinished save
  };
  let handling = false;
  const handleSignals = (): void => {
    if (handling) return;
    handling = true;
    for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal);
  };
  if (graceful) handleSignals();

  const code = await main(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    processStreams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
    interrupt: interrupt.signal,
    outputClosed: stdout.closed,
    registerOutput: (path) => {
      outputs.add(path);
      handleSignals();
    },
  });
  // A reader that went away (EPIPE) is no failure; output lost to a full disk or an I/O error is.
  // A failed write reports its error a tick later, so look after the last write has had its tick.
  await new Promise((resolve) => setImmediate(resolve));
  const lostOutput = stdout.closed.aborted && stdout.closed.reason !== "EPIPE";
  const exitCode = code === EXIT_OK && lostOutput ? EXIT_TRAINING_FAILED : code;
  process.exitCode = exitCode;
  // Ink or a pending timer must not keep a finished run alive.
  setTimeout(() => process.exit(exitCode), 50).unref();
}

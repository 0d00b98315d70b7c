import { render } from "ink";
import { formatFlagHelp } from "../args/parse-flags.js";
import { parseTrainArgs, TRAIN_FLAGS, type DisplayOptions, type TrainOptions } from "../args/train-options.js";
import { EXIT_OK, EXIT_TRAINING_FAILED } from "../args/usage-error.js";
import { formatEpochLine, formatJsonLine, formatSummary, plainEvery, reportedMetrics } from "../report/plain-reporter.js";
import { firstLine } from "../session/load-data.js";
import { checkRunMemory } from "../limits/check-run-memory.js";
import { createSession } from "../session/create-session.js";
import { DEFAULT_SAVE_PATH } from "../session/training-session.js";
import { WorkerSession } from "../session/worker-session.js";
import type { EpochPoint, RunStatus } from "../state/trainer-state.js";
import { App } from "../ui/App.js";
import { exitCodeForInterrupt } from "../shutdown-signals.js";
import type { Command, CommandIO } from "./command.js";
import { checkOutputFlag } from "./output-path.js";

export const trainCommand: Command = {
  name: "train",
  summary: "train a network and watch it learn (the default command)",
  stopsOnInterrupt: true,
  usage: () =>
    [
      "usage: nn train [flags]      (nn with no arguments runs nn train with the defaults)",
      "",
      "Trains a multilayer perceptron. In a terminal it shows the live trainer; otherwise (a pipe, CI)",
      "it prints plain progress lines and a summary. Exit codes: 0 done, 1 training failed, 2 bad usage,",
      "128 + the signal when stopped by Ctrl-C (130), SIGTERM (143) or SIGHUP (129), after saving with --save.",
      "",
      formatFlagHelp(TRAIN_FLAGS),
    ].join("\n"),
  run: runTrain,
};

async function runTrain(argv: readonly string[], io: CommandIO): Promise<number> {
  const { options, display, help } = parseTrainArgs(argv);
  if (help) {
    io.stdout.write(trainCommand.usage() + "\n");
    return EXIT_OK;
  }
  const live = !display.json && !display.plain && io.processStreams !== undefined && io.processStreams.stdout.isTTY === true;
  // A bad --save path is found now, not after the whole run has trained.
  if (options.save !== undefined) checkOutputFlag("train", "save", options.save);
  io.registerOutput?.(options.save ?? DEFAULT_SAVE_PATH); // DEFAULT_SAVE_PATH: where the s key saves
  // Sizes are checked before anything is generated or allocated (issue 19 item 7).
  checkRunMemory("train", options, { stderr: io.stderr });
  return live ? runLive(options, display, io) : runPlain(options, display, io);
}

async function runLive(options: TrainOptions, display: DisplayOptions, io: CommandIO): Promise<number> {
  const streams = io.processStreams!;
  // Training runs in a worker thread: drawing on this one then costs it no time on two cores.
  const session = await WorkerSession.start(options, { frameMs: Math.round(1000 / display.fps) });
  let outcome: { status: RunStatus; savedTo?: string; error?: string } = { status: "quitting" };
  const instance = render(
    <App
      session={session}
      onExit={(o) => (outcome = o)}
      exitWhenDone={streams.stdin.isTTY !== true}
    />,
    { stdin: streams.stdin, stdout: streams.stdout, stderr: streams.stderr, exitOnCtrlC: false, patchConsole: false },
  );
  // SIGINT, SIGTERM or SIGHUP from outside (in raw mode a typed Ctrl-C arrives as a key instead)
  // quits like q, saving with --save; the exit code then names the signal.
  let signalled = false;
  const onInterrupt = (): void => {
    signalled = true;
    session.stop().then(
      (savedTo) => {
        outcome = { status: "quitting", ...(savedTo !== undefined ? { savedTo } : {}) };
        instance.unmount();
      },
      (error: unknown) => {
        outcome = { status: "failed", error: `save failed: ${firstLine(error)}` };
        instance.unmount();
      },
    );
  };
  io.interrupt?.addEventListener("abort", onInterrupt, { once: true });
  if (io.interrupt?.aborted === true) onInterrupt(); // a signal while the training thread was starting
  await instance.waitUntilExit();
  io.interrupt?.removeEventListener("abort", onInterrupt);
  const { wallMs, trainingMs, frames } = session.timing();
  const share = wallMs > 0 ? Math.round((100 * trainingMs) / wallMs) : 0;
  const rate = wallMs > 0 ? (1000 * frames) / wallMs : 0;
  // Ink leaves the cursor after its last frame, not always on a fresh line.
  io.stdout.write(
    `\n${session.epoch}/${options.epochs} epochs in ${(wallMs / 1000).toFixed(1)} s (${share}% of it in training steps), ${frames} frames (${rate.toFixed(1)} a second)\n`,
  );
  if (outcome.savedTo !== undefined) io.stdout.write(`model saved to ${outcome.savedTo}\n`);
  if (outcome.error !== undefined || session.failure !== undefined) {
    io.stderr.write(`nn train: training failed: ${outcome.error ?? firstLine(session.failure)}\n`);
    return EXIT_TRAINING_FAILED;
  }
  return signalled ? exitCodeForInterrupt(io.interrupt?.reason) : EXIT_OK;
}

async function runPlain(options: TrainOptions, display: DisplayOptions, io: CommandIO): Promise<number> {
  const every = plainEvery(options.epochs);
  const metrics = reportedMetrics(options);
  let last: EpochPoint | undefined;
  const started = performance.now();
  const session = createSession(options, {
    onEpoch: (event, point) => {
      last = point;
      if (display.json) io.stdout.write(formatJsonLine(event, point) + "\n");
      else if (point.epoch % every === 0 || point.epoch === 1 || point.epoch === event.epochs) {
        io.stdout.write(formatEpochLine(event, point, metrics) + "\n");
      }
    },
  });
  // Summaries go to stderr under --json so that stdout stays one JSON object per line.
  const summaryOut = display.json ? io.stderr : io.stdout;
  // Training ends early on Ctrl-C, SIGTERM or SIGHUP, and when stdout's reader has gone (| head -1)
  // unless there is a --save to deliver: a closed pipe stops the output, not the run's duties.
  let interrupted = false;
  let abandoned = false;
  let stopEarly!: () => void;
  const stoppedEarly = new Promise<void>((resolve) => (stopEarly = resolve));
  const onInterrupt = (): void => {
    interrupted = true;
    session.pause();
    stopEarly();
  };
  const onOutputClosed = (): void => {
    if (options.save !== undefined) return;
    abandoned = true;
    session.pause();
    stopEarly();
  };
  io.interrupt?.addEventListener("abort", onInterrupt, { once: true });
  io.outputClosed?.addEventListener("abort", onOutputClosed, { once: true });
  if (io.interrupt?.aborted === true) onInterrupt();
  if (io.outputClosed?.aborted === true) onOutputClosed();
  session.start();
  await Promise.race([session.whenFinished(), stoppedEarly]);
  io.interrupt?.removeEventListener("abort", onInterrupt);
  io.outputClosed?.removeEventListener("abort", onOutputClosed);
  const seconds = (performance.now() - started) / 1000;
  const failure = session.failure;
  let savedTo: string | undefined;
  try {
    savedTo = failure === undefined ? await session.stop() : undefined;
  } catch (error) {
    io.stderr.write(`nn train: could not save the model: ${firstLine(error)}\n`);
    return EXIT_TRAINING_FAILED;
  }
  // Nobody reads the output any more and nothing was to be saved: end quietly.
  if (abandoned && !interrupted && failure === undefined) return EXIT_OK;
  const status = failure !== undefined ? "failed" : interrupted && session.epoch < options.epochs ? "interrupted" : "completed";
  const summary = formatSummary({
    status, epochs: session.epoch, totalEpochs: options.epochs, seconds, last, metrics,
    ...(savedTo !== undefined ? { savedTo } : {}),
    ...(failure !== undefined ? { error: firstLine(failure) } : {}),
  });
  if (failure !== undefined) {
    io.stderr.write(summary);
    return EXIT_TRAINING_FAILED;
  }
  summaryOut.write(summary);
  return status === "interrupted" ? exitCodeForInterrupt(io.interrupt?.reason) : EXIT_OK;
}

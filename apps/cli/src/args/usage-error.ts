/**
 * A mistake in how `nn` was called (unknown flag, bad value, missing file). The entry point prints
 * its message as one line and exits with code 2; it never shows a stack trace.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Exit codes, as documented in the README. */
export const EXIT_OK = 0;
export const EXIT_TRAINING_FAILED = 1;
export const EXIT_USAGE = 2;
/** Interrupted by Ctrl-C in plain mode (128 + SIGINT), after saving when --save was given. */
export const EXIT_INTERRUPTED = 130;

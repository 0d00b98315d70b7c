import { constants } from "node:os";
import { EXIT_INTERRUPTED } from "./args/usage-error.js";

/** The signals that end a run the way Ctrl-C does: stop, save (with --save), exit 128 + the signal's number. */
export const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

/**
 * The exit code for a run stopped by `reason` (an AbortSignal's reason): 128 + the signal's number,
 * as a shell reports a process killed by it (SIGINT 130, SIGTERM 143, SIGHUP 129). An abort without
 * a signal name (a test's AbortController) counts as Ctrl-C.
 */
export function exitCodeForInterrupt(reason: unknown): number {
  const signals = constants.signals as Record<string, number | undefined>;
  const number = typeof reason === "string" ? signals[reason] : undefined;
  return number === undefined ? EXIT_INTERRUPTED : 128 + number;
}

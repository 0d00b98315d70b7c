import { UsageError } from "../args/usage-error.js";
import type { TrainOptions } from "../args/train-options.js";
import { firstLine } from "./load-data.js";
import { TrainingSession, type SessionDeps } from "./training-session.js";

/** Builds the session; a bad combination of options (caught by a constructor) is a usage error. */
export function createSession(options: TrainOptions, deps: SessionDeps): TrainingSession {
  try {
    return new TrainingSession(options, deps);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(`nn train: ${firstLine(error)}`);
    throw error;
  }
}

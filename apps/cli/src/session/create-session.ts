import type { TrainOptions } from "../args/train-options.js";
import { TrainingSession, type SessionDeps } from "./training-session.js";

/** The plain-mode session; a bad combination of options is a usage error (see createDriver). */
export function createSession(options: TrainOptions, deps: SessionDeps): TrainingSession {
  return new TrainingSession(options, deps);
}

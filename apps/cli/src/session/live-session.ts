import type { Command, Frame } from "./worker-protocol.js";

/**
 * What the live screen needs from a training run: frames in, commands out. The real one
 * (WorkerSession) talks to the training worker; tests pass a scripted one.
 */
export interface LiveSession {
  /** True when the data has two features, so maps can be drawn. */
  readonly twoD: boolean;
  /** The frame the screen opens with. */
  readonly first: Frame;
  /** Calls `listener` with every new frame; returns the unsubscribe. */
  onFrame(listener: (frame: Frame) => void): () => void;
  send(command: Command): void;
  /** Saves the model; resolves to the path written. */
  save(): Promise<string>;
  /** Stops training for good; saves first when the run was given a save path. Resolves to that path, if any. */
  stop(): Promise<string | undefined>;
}

/** How a front end runs a task soon and hands a frame to its screen (a worker message, a thread port). */
export interface FrameGateDeps<F> {
  /** Hands a finished frame to the screen. */
  readonly post: (frame: F) => void;
  /** Runs `task` soon, after pending messages (setImmediate in Node, a MessageChannel in a browser worker). */
  readonly schedule: (task: () => void) => void;
}

/**
 * The part of a live trainer's frame loop that every front end shares: at most one frame is in
 * flight (the next is posted only once the screen acknowledged drawing the last, by its sequence
 * number, so a slow screen never queues frames), a command marks the picture dirty, and `wake`
 * runs the front end's loop once soon however often it is called. What a frame holds, when training
 * runs and how fast are the front end's own.
 */
export class FrameGate<F> {
  private seq = 0;
  private inFlight = false;
  private dirtyFlag = true;
  private scheduled = false;

  /** `loop` is the front end's step: train a slice, `offer` a frame, wake again if more is due. */
  constructor(private readonly loop: () => void, private readonly deps: FrameGateDeps<F>) {}

  /** Whether something changed since the last frame (true before the first). */
  get dirty(): boolean {
    return this.dirtyFlag;
  }

  /** The screen drew frame `seq`; an older frame's acknowledgement frees nothing. */
  drawn(seq: number): void {
    if (seq === this.seq) this.inFlight = false;
  }

  /** Something the screen shows changed: the next chance posts a frame even if none is due. */
  markDirty(): void {
    this.dirtyFlag = true;
  }

  /** Runs the loop soon; calls before it ran add nothing. */
  wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.schedule(() => {
      this.scheduled = false;
      this.loop();
    });
  }

  /**
   * Posts the frame `build` makes for the next sequence number if none is in flight and either the
   * front end says one is `due` or something changed; returns whether it posted.
   */
  offer(due: boolean, build: (seq: number) => F): boolean {
    if (this.inFlight || !(due || this.dirtyFlag)) return false;
    const frame = build(this.seq + 1);
    this.seq++;
    this.inFlight = true;
    this.dirtyFlag = false;
    this.deps.post(frame);
    return true;
  }
}

import { checkInteger, checkNonNegative } from "../option-checks.js";

/** What a scheduler needs of an optimizer: a learning rate it can read and set. */
export interface LearningRateHolder {
  lr: number;
}

export interface SchedulerStateDict {
  scheduler: string;
  baseLr: number;
  lastEpoch: number;
  /** LinearWarmup: the state of the scheduler it hands over to. */
  after?: SchedulerStateDict;
}

/**
 * A schedule that is a closed-form function of how many times `step()` has been called. The
 * optimizer's lr when the scheduler is made becomes `baseLr`; construction sets `opt.lr` to
 * `lrAt(0)`, and the k-th `step()` sets it to `lrAt(k)`, so `opt.lr` read before an update is
 * that update's rate (PyTorch's convention: call `step()` after `optimizer.step()`).
 */
export abstract class EpochScheduler {
  readonly name: string;
  readonly optimizer: LearningRateHolder;
  protected base: number;
  private epoch = 0;

  protected constructor(name: string, optimizer: LearningRateHolder) {
    if (typeof optimizer?.lr !== "number") throw new TypeError(`${name}: expected an optimizer with an lr, got ${typeof optimizer}`);
    this.name = name;
    this.optimizer = optimizer;
    this.base = checkNonNegative(name, "optimizer lr", optimizer.lr);
  }

  /** The learning rate after `epoch` calls to `step()`. Pure: for charts and tests. */
  abstract lrAt(epoch: number): number;

  /** The optimizer's lr when this scheduler was made. */
  get baseLr(): number {
    return this.base;
  }

  /** How many times `step()` has been called. */
  get lastEpoch(): number {
    return this.epoch;
  }

  step(): void {
    this.epoch += 1;
    this.optimizer.lr = this.lrAt(this.epoch);
  }

  stateDict(): SchedulerStateDict {
    return { scheduler: this.name, baseLr: this.base, lastEpoch: this.epoch };
  }

  /** Restores the count and base rate, and sets the optimizer's lr to match. */
  loadStateDict(dict: SchedulerStateDict): void {
    const where = `${this.name}.loadStateDict`;
    if (dict?.scheduler !== this.name) {
      throw new TypeError(`${where}: the state dict is for ${String(dict?.scheduler)}, not ${this.name}`);
    }
    const base = checkNonNegative(where, "baseLr", dict.baseLr);
    const epoch = checkInteger(where, "lastEpoch", dict.lastEpoch, 0);
    this.base = base;
    this.epoch = epoch;
    this.optimizer.lr = this.lrAt(epoch);
  }

  /** Subclasses call this last in their constructor, once `lrAt` can run. */
  protected start(): void {
    this.optimizer.lr = this.lrAt(0);
  }
}

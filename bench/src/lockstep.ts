import { type Clock, type Timed, readClock } from "./timing.js";

/**
 * Times two implementations step by step, alternating every step (and which of the two goes
 * first), and returns each one's mean seconds per step. On a shared machine load comes in bursts
 * lasting many steps; samples of a whole block of steps (`interleave`) then land in different
 * bursts and their ratio wanders by ±40 % from run to run, while steps taken turn about see the
 * same load. The clock is read around every step, which costs both sides the same microsecond.
 */
export function lockstep(a: Timed, b: Timed, options: { warmup: number; steps: number; clock?: Clock }): [number, number] {
  const { warmup, steps, clock = "cpu" } = options;
  for (let i = 0; i < warmup; i++) {
    a.run();
    b.run();
  }
  let ta = 0, tb = 0;
  for (let i = 0; i < steps; i++) {
    const aFirst = i % 2 === 0;
    const t0 = readClock(clock);
    (aFirst ? a : b).run();
    const t1 = readClock(clock);
    (aFirst ? b : a).run();
    const t2 = readClock(clock);
    if (aFirst) {
      ta += t1 - t0;
      tb += t2 - t1;
    } else {
      tb += t1 - t0;
      ta += t2 - t1;
    }
  }
  return [ta / steps, tb / steps];
}

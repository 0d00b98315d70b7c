import { describe, expect, it } from "vitest";
import { FrameGate } from "../src/index.js";

interface TestFrame { readonly seq: number; readonly label: string }

/** A gate whose loop offers a frame when `due` says so, with a hand-driven scheduler. */
function harness() {
  const posted: TestFrame[] = [];
  const tasks: (() => void)[] = [];
  let due = false;
  let loops = 0;
  const gate: FrameGate<TestFrame> = new FrameGate<TestFrame>(() => {
    loops++;
    gate.offer(due, (seq) => ({ seq, label: `frame ${seq}` }));
  }, { post: (frame) => posted.push(frame), schedule: (task) => tasks.push(task) });
  const runScheduled = (): void => {
    for (const task of tasks.splice(0)) task();
  };
  return { gate, posted, tasks, runScheduled, setDue: (value: boolean) => { due = value; }, loops: () => loops };
}

describe("FrameGate", () => {
  it("posts the first frame (dirty from the start) numbered 1, then holds further frames until it is drawn", () => {
    const h = harness();
    h.gate.wake();
    h.runScheduled();
    expect(h.posted).toEqual([{ seq: 1, label: "frame 1" }]);
    h.setDue(true);
    h.gate.markDirty();
    h.gate.wake();
    h.runScheduled();
    expect(h.posted.length).toBe(1); // frame 1 not drawn yet: one frame in flight
    h.gate.drawn(1);
    h.gate.wake();
    h.runScheduled();
    expect(h.posted.map((f) => f.seq)).toEqual([1, 2]);
  });

  it("ignores a stale drawn acknowledgement", () => {
    const h = harness();
    h.gate.wake();
    h.runScheduled();
    h.gate.drawn(1);
    h.gate.markDirty();
    h.gate.wake();
    h.runScheduled();
    expect(h.posted.map((f) => f.seq)).toEqual([1, 2]);
    h.gate.drawn(1); // frame 1's acknowledgement again: frame 2 is still in flight
    h.gate.markDirty();
    h.gate.wake();
    h.runScheduled();
    expect(h.posted.map((f) => f.seq)).toEqual([1, 2]);
    h.gate.drawn(3); // a frame never posted frees nothing either
    h.gate.wake();
    h.runScheduled();
    expect(h.posted.map((f) => f.seq)).toEqual([1, 2]);
    h.gate.drawn(2);
    h.gate.wake();
    h.runScheduled();
    expect(h.posted.map((f) => f.seq)).toEqual([1, 2, 3]);
  });

  it("posts nothing while no frame is due and nothing changed (paused)", () => {
    const h = harness();
    h.gate.wake();
    h.runScheduled();
    h.gate.drawn(1);
    expect(h.gate.dirty).toBe(false);
    for (let i = 0; i < 3; i++) {
      h.gate.wake();
      h.runScheduled();
    }
    expect(h.loops()).toBe(4);
    expect(h.posted.length).toBe(1);
    expect(h.gate.offer(false, () => { throw new Error("built a frame that was not posted"); })).toBe(false);
  });

  it("schedules the loop once however often it is woken before it runs", () => {
    const h = harness();
    h.gate.wake();
    h.gate.wake();
    h.gate.wake();
    expect(h.tasks.length).toBe(1);
    h.runScheduled();
    expect(h.loops()).toBe(1);
    h.gate.wake();
    expect(h.tasks.length).toBe(1);
  });
});

import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { hasThreadClock, newTaskClock, pageLimit, StageDeadline, startTaskClock, taskCpuMs, taskDeadline, TimeLimitError } from '../src/engine/thread-clock.js';

/** Works on this thread until the task's clock shows `ms` of CPU time: bound by work, not by time. */
function workFor(clock: Int32Array<SharedArrayBuffer>, ms: number): void {
  let sink = 0;
  while ((taskCpuMs(clock) ?? 0) < ms) for (let i = 0; i < 100_000; i++) sink += Math.sqrt(i);
  expect(sink).toBeGreaterThan(0);
}

describe.skipIf(!hasThreadClock)('the time limit of a page', () => {
  it('counts no time before a thread takes the task', () => {
    expect(taskCpuMs(newTaskClock())).toBeUndefined();
  });

  it('counts the CPU time of the thread that took the task, not the time that passes', async () => {
    const clock = newTaskClock();
    startTaskClock(clock);
    const deadline = taskDeadline(clock, 200);
    try {
      // Waiting costs the thread no CPU time, however long the machine makes it.
      await sleep(600);
      expect(deadline.signal.aborted).toBe(false);
      workFor(clock, 250);
      await once(deadline.signal, 'abort');
      expect((deadline.signal.reason as Error).name).toBe('TimeoutError');
    } finally {
      deadline.stop();
    }
  });

  it('in the calling thread, ends a page between stages once this thread has spent the limit on it, not once the time has passed', () => {
    const deadline = new StageDeadline(pageLimit(200));
    // A wait that takes no CPU time: the limit is not spent, however long it lasts.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
    expect(() => deadline.check()).not.toThrow();
    const clock = newTaskClock();
    startTaskClock(clock);
    workFor(clock, 250);
    expect(() => deadline.check()).toThrow(TimeLimitError);
    expect(() => deadline.check()).toThrow('timed out after 0.2 s (see --timeout)');
  });
});

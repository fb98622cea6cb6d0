import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { UsageError } from '../errors.js';

/**
 * The time limit of a page counts the CPU time of the thread that checks it, not the time on the
 * wall: on a machine shared with other work a page then gets the same verdict as on an idle one
 * (a page that needs more memory than a worker has is reported as such, never as timed out
 * because the machine was busy). Linux tells each thread's CPU time in `/proc`; elsewhere the
 * limit is on the wall clock.
 */
export const hasThreadClock = existsSync('/proc/thread-self/stat');

/** Clock ticks a second in `/proc`'s CPU times: `USER_HZ`, 100 on every Linux architecture. */
const TICKS_PER_SECOND = 100;

/**
 * Where a task says which thread checks it, and that thread's CPU time when it began: shared
 * memory, read by the thread that waits for the task while the checking thread is busy.
 */
export type TaskClock = Int32Array<SharedArrayBuffer>;

const TID = 0;
const START = 1;

/** A clock for one task, not started yet: no thread has taken the task. */
export function newTaskClock(): TaskClock {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Called by the thread that takes a task, as it begins: records which thread it is, and its CPU time. */
export function startTaskClock(clock: TaskClock): void {
  if (!hasThreadClock) return;
  // `/proc/thread-self` links to `<pid>/task/<tid>` of the thread that reads it.
  const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
  const ticks = cpuTicksOf('thread-self');
  if (!Number.isInteger(tid) || ticks === undefined) return;
  Atomics.store(clock, START, ticks);
  Atomics.store(clock, TID, tid);
}

/**
 * The CPU time in milliseconds that the thread checking a task has spent on it, or undefined
 * before a thread has taken it (or where threads' CPU time cannot be read).
 */
export function taskCpuMs(clock: TaskClock): number | undefined {
  const tid = Atomics.load(clock, TID);
  if (tid === 0) return undefined;
  const ticks = cpuTicksOf(`self/task/${tid}`);
  return ticks === undefined ? undefined : ((ticks - Atomics.load(clock, START)) * 1000) / TICKS_PER_SECOND;
}

/** User and system CPU ticks of a thread, from its `stat` file (proc(5): fields 14 and 15). */
function cpuTicksOf(thread: string): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${thread}/stat`, 'latin1');
  } catch {
    return undefined; // the thread has ended
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/**
 * How long one page may take before it is reported: CPU time of the thread that checks it where
 * it can be read. A worker is stopped at it; a page checked in the calling thread is stopped at
 * the end of the stage that runs past it (`StageDeadline`).
 */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The longest time limit: Node.js keeps no timer longer (a longer delay fires at once). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A time limit given from code, checked before any page is read. */
export function checkTimeLimit(ms: number | undefined): void {
  if (ms !== undefined && !(ms >= 1 && ms <= MAX_TIMEOUT_MS)) {
    throw new UsageError(`Cannot use a time limit of \`${ms}\` ms: expected 1 to ${MAX_TIMEOUT_MS} ms (the longest timer Node.js keeps)`);
  }
}

/** A page's time limit, and the option that sets it, which a page past it is told to see (none where no option does). */
export interface PageLimit {
  ms: number;
  option?: string | undefined;
}

/** The limit of `check` and `check --stdin`. */
export const pageLimit = (ms = DEFAULT_TIMEOUT_MS): PageLimit => ({ ms, option: '--timeout' });

/** How a page that ran past its time limit is reported, in a worker or in this thread. */
export function timedOut({ ms, option }: PageLimit): string {
  return `timed out after ${ms / 1000} s${option ? ` (see ${option})` : ''}`;
}

/** Thrown by a page's `StageDeadline` once the page has used its time. */
export class TimeLimitError extends Error {
  override name = 'TimeoutError';
  constructor(limit: PageLimit) {
    super(timedOut(limit));
  }
}

/**
 * Thrown where a page checked in the calling thread is left to a worker thread instead: a stage
 * that nothing could stop mid-way here, and that could run far past the time limit.
 */
export class LeftToWorker extends Error {}

/**
 * The time limit of a page checked in the thread that runs the check, where nothing can stop it
 * mid-way: `check()` is called between the stages of the page's check (decode, prefilter, parse,
 * regions), and throws once the page has spent its limit. Each stage is linear in the page's
 * size, so a page runs past its limit by one stage at most: a few seconds at the 5 MB size limit
 * on hostile markup, where a news page takes a tenth of that. Where a worker is at hand
 * (`canLeave`), a stage slower than that goes to it. Counted in CPU time of this thread where it
 * can be read, as in a worker, else on the wall clock.
 */
export class StageDeadline {
  readonly #wallStart = performance.now();
  readonly #cpuStart = threadCpuMs();

  constructor(
    readonly limit: PageLimit,
    readonly canLeave = false,
  ) {}

  check(): void {
    // The thread's CPU time is at most the wall time it has run: looked at only once that is over.
    if (performance.now() - this.#wallStart < this.limit.ms) return;
    const cpu = this.#cpuStart === undefined ? undefined : threadCpuMs();
    if (cpu === undefined || cpu - (this.#cpuStart as number) >= this.limit.ms) throw new TimeLimitError(this.limit);
  }
}

/** Recent releases of Node.js tell a thread its CPU time, to the microsecond (the types of Node.js 20 do not know it). */
const threadCpuUsage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.bind(process);

/** This thread's CPU time in milliseconds: from Node.js where it tells it, else from `/proc`. */
function threadCpuMs(): number | undefined {
  if (threadCpuUsage) {
    const { user, system } = threadCpuUsage();
    return (user + system) / 1000;
  }
  const ticks = hasThreadClock ? cpuTicksOf('thread-self') : undefined;
  return ticks === undefined ? undefined : (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Where the CPU clock is read, the wall-clock bound of a task is this many times its limit (and
 * at least a minute): it ends a task no thread takes or that waits without working, and leaves
 * a machine ten times busier than idle to the CPU clock.
 */
const WALL_FACTOR = 10;
const LEAST_WALL_MS = 60_000;

/** A task's time limit as it runs: a signal that aborts once it is over, and a stop once the task has settled. */
export interface TaskDeadline {
  signal: AbortSignal;
  stop(): void;
}

/**
 * Aborts a task once the thread that took it has spent `limitMs` of CPU time on it (looked at a
 * few dozen times within the limit), or, where threads' CPU time cannot be read, once `limitMs`
 * have passed on the wall clock.
 */
export function taskDeadline(clock: TaskClock, limitMs: number): TaskDeadline {
  const controller = new AbortController();
  const expire = (): void => controller.abort(new DOMException(`The task took more than ${limitMs} ms`, 'TimeoutError'));
  const wallMs = hasThreadClock ? Math.max(limitMs * WALL_FACTOR, LEAST_WALL_MS) : limitMs;
  const wall = setTimeout(expire, Math.min(wallMs, MAX_TIMEOUT_MS));
  const poll = hasThreadClock
    ? setInterval(() => {
        const spent = taskCpuMs(clock);
        if (spent !== undefined && spent >= limitMs) expire();
      }, Math.min(Math.max(limitMs / 20, 10), 250))
    : undefined;
  return {
    signal: controller.signal,
    stop: () => {
      clearTimeout(wall);
      clearInterval(poll);
    },
  };
}

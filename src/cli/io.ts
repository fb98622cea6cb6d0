/**
 * Standard output as the command line writes to it: `process.stdout`, or in tests an object whose
 * `write` is a plain function. A stream's `write` returns false when its buffer is full; then the
 * writer waits for 'drain' (see `writeChunks`), which needs `once`, `off` and `destroyed`.
 */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  once?(event: 'drain' | 'error' | 'close', listener: (error?: Error) => void): unknown;
  off?(event: 'drain' | 'error' | 'close', listener: (error?: Error) => void): unknown;
  destroyed?: boolean;
}

/** Where the command line reads and writes, so tests can run it in-process. */
export interface Io {
  stdout: OutputStream;
  stderr: { write(text: string): unknown };
  cwd: string;
  /** The environment (`FORCE_COLOR`, `NO_COLOR`, `GITHUB_WORKSPACE`); `process.env` when absent. */
  env?: Record<string, string | undefined>;
  /** Standard input, read by `check --stdin`; `process.stdin` when absent. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** Exit codes: 0 clean, 1 findings over the threshold, 2 usage or configuration error. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

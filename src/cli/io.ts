/** Where the command line reads and writes, so tests can run it in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** Exit codes: 0 clean, 1 findings over the threshold, 2 usage or configuration error. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

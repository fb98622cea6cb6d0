#!/usr/bin/env node
import { cannotWrite, main } from '../dist/cli.js';

// A reader that stops early (`rightslint holders | head -1`) closes the pipe. What is left to print
// has nowhere to go, which is no failure of the run: drop it without a stack trace, and let the run
// end with its own exit code, so that `set -o pipefail` still sees findings. (A report written in
// chunks stops at the first one the closed pipe refuses: src/cli/write-chunks.ts.) Any other error
// (a full disk under `> report.txt`, an I/O error) cut the report short: the run is no result to
// pass on, and exits 2, as a report file that cannot be written does, whatever it found.
let failure;
let isDone = false;
// Standard error cannot tell that it failed itself.
const tell = () => failure.stream === process.stdout && process.stderr.write(`rightslint: ${cannotWrite('standard output', failure.error)}\n`);
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || failure) return;
    failure = { stream, error };
    process.exitCode = 2;
    if (isDone) tell();
  });
}

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
isDone = true;
// A write the command saw fail it reported itself, as exit 2; one that failed out of its sight is told here.
if (failure && code !== 2) tell();
process.exitCode = failure ? 2 : code;

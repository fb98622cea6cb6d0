#!/usr/bin/env node
import { main } from '../dist/cli.js';

// A reader that stops early (`rightslint holders | head -1`) closes the pipe. What is left to print
// has nowhere to go, which is no failure of the run: drop it without a stack trace, and let the run
// end with its own exit code, so that `set -o pipefail` still sees findings. (A report written in
// chunks stops at the first one the closed pipe refuses: src/cli/write-chunks.ts.)
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});

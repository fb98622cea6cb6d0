import { PolicyError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { runCheck } from './check-command.js';
import { runExplain } from './explain-command.js';
import { HELP } from './help.js';
import { runHolders } from './holders-command.js';
import { runInit } from './init-command.js';
import { runMerge } from './merge-command.js';
import { runTrace } from './trace-command.js';
import { EXIT, type Io } from './io.js';

export type { Io } from './io.js';

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  check: runCheck,
  explain: runExplain,
  holders: runHolders,
  init: runInit,
  merge: runMerge,
  trace: runTrace,
};

/** Runs the command line and returns its exit code; usage and policy errors exit 2. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP);
      return EXIT.clean;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.clean;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`Cannot run \`${command}\`: unknown command (expected ${Object.keys(COMMANDS).join(', ')})`);
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof PolicyError) {
      const count = error.problems.length;
      io.stderr.write(`rightslint: the policy has ${count} problem${count === 1 ? '' : 's'}:\n${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`rightslint: ${error.message}\nRun \`rightslint --help\` for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

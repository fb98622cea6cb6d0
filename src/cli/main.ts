import { suggest } from '../config/yaml-file.js';
import { PolicyError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { asksForHelp, CommandLineError, type CommandUsage } from './args.js';
import { CHECK_USAGE, runCheck } from './check-command.js';
import { EXPLAIN_USAGE, runExplain } from './explain-command.js';
import { commandHelp, mainHelp } from './help.js';
import { HOLDERS_USAGE, runHolders } from './holders-command.js';
import { runInit } from './init-command.js';
import { INIT_USAGE } from './init-usage.js';
import { MERGE_USAGE, runMerge } from './merge-command.js';
import { runTrace, TRACE_USAGE } from './trace-command.js';
import { EXIT, type Io } from './io.js';

export type { Io } from './io.js';

interface Command {
  usage: CommandUsage;
  run: (argv: readonly string[], io: Io) => Promise<number>;
}

// In the order `--help` lists them: the everyday command first.
const COMMANDS: readonly Command[] = [
  { usage: CHECK_USAGE, run: runCheck },
  { usage: INIT_USAGE, run: runInit },
  { usage: EXPLAIN_USAGE, run: runExplain },
  { usage: HOLDERS_USAGE, run: runHolders },
  { usage: MERGE_USAGE, run: runMerge },
  { usage: TRACE_USAGE, run: runTrace },
];

const NAMES = COMMANDS.map((command) => command.usage.name);

/** Runs the command line and returns its exit code; usage and policy errors exit 2. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  let commandHelpLine = 'rightslint --help';
  try {
    if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && (rest[0] === undefined || rest[0].startsWith('-')))) {
      io.stdout.write(mainHelp(COMMANDS.map((command) => command.usage)));
      return EXIT.clean;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.clean;
    }
    if (first === 'help') {
      io.stdout.write(commandHelp(commandNamed(rest[0] ?? '').usage));
      return EXIT.clean;
    }
    const command = commandNamed(first);
    commandHelpLine = `rightslint ${command.usage.name} --help`;
    if (asksForHelp(rest, command.usage.options)) {
      io.stdout.write(commandHelp(command.usage));
      return EXIT.clean;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof PolicyError) {
      const count = error.problems.length;
      io.stderr.write(`rightslint: the policy has ${count} problem${count === 1 ? '' : 's'}:\n${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      // A command line that does not parse points at that command's options; other errors (a
      // missing path or policy, a corrupt baseline) are one line that says all there is to say.
      const help = error instanceof CommandLineError ? `\nRun \`${commandHelpLine}\` for usage.` : '';
      io.stderr.write(`rightslint: ${error.message}${help}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** The command of that name, or a usage error with the nearest name. */
function commandNamed(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.usage.name === name);
  if (command) return command;
  if (name.startsWith('-')) {
    const known = suggest(name, ['--help', '--version']);
    const option = COMMANDS.some((candidate) => Object.keys(candidate.usage.options).some((option) => name === `--${option}`));
    throw new CommandLineError(`Cannot use \`${name}\`: ${option ? `options follow the command (\`rightslint <command> ${name}\`)` : `unknown option${known}`}`);
  }
  throw new CommandLineError(`Cannot run \`${name}\`: unknown command${suggest(name, NAMES) || ` (expected ${NAMES.join(', ')})`}`);
}

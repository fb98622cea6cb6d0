import { PolicyError, suggest, UsageError, VERSION } from '../index.js';
import { asksForHelp, CommandLineError, type CommandUsage } from './args.js';
import { AUDIT_USAGE, auditCommand } from './audit-command.js';
import { CHECK_USAGE, checkCommand } from './check-command.js';
import { EXPLAIN_USAGE, explainCommand } from './explain-command.js';
import { commandHelp, mainHelp } from './help.js';
import { HOLDERS_USAGE, holdersCommand } from './holders-command.js';
import { initCommand } from './init-command.js';
import { INIT_USAGE } from './init-usage.js';
import { MERGE_USAGE, mergeCommand } from './merge-command.js';
import { traceCommand, TRACE_USAGE } from './trace-command.js';
import { EXIT, type Io } from './io.js';

export type { Io } from './io.js';
export { cannotWrite } from './outputs.js';

interface Command {
  usage: CommandUsage;
  execute: (argv: readonly string[], io: Io) => Promise<number>;
}

// In the order `--help` lists them: the everyday command first.
const COMMANDS: readonly Command[] = [
  { usage: CHECK_USAGE, execute: checkCommand },
  { usage: AUDIT_USAGE, execute: auditCommand },
  { usage: INIT_USAGE, execute: initCommand },
  { usage: EXPLAIN_USAGE, execute: explainCommand },
  { usage: HOLDERS_USAGE, execute: holdersCommand },
  { usage: MERGE_USAGE, execute: mergeCommand },
  { usage: TRACE_USAGE, execute: traceCommand },
];

const NAMES = COMMANDS.map((command) => command.usage.name);

/** Every option of some command as written (`--config`, `-c`), and whether it takes a value. */
const SPELLINGS = new Map(COMMANDS.flatMap(({ usage }) => Object.entries(usage.options).flatMap(([name, option]) => (
  [`--${name}`, ...(option.short === undefined ? [] : [`-${option.short}`])].map((spelling) => [spelling, option.type === 'string'] as const)
))));

/** The command line: runs the command `argv` names and returns its exit code; usage and policy errors exit 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
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
    const { command, args } = commandLine(argv);
    commandHelpLine = `rightslint ${command.usage.name} --help`;
    if (asksForHelp(args, command.usage.options)) {
      io.stdout.write(commandHelp(command.usage));
      return EXIT.clean;
    }
    return await command.execute(args, io);
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

/**
 * The command and its arguments, with options given before its name taken as its own
 * (`rightslint --no-color check site` as `rightslint check --no-color site`), as git and npm take
 * them. The command is the first argument that is neither an option nor the value of one (the
 * argument after an option that takes a value in some command, written without `=`); the
 * command's own parser then refuses an option it does not have, with the nearest name.
 */
function commandLine(argv: readonly string[]): { command: Command; args: string[] } {
  for (let at = 0; at < argv.length && argv[at] !== '--'; at++) {
    const arg = argv[at] ?? '';
    if (SPELLINGS.get(arg) === true) at++;
    else if (!arg.startsWith('-')) {
      // A mistyped option before the command (`--formt json check`) makes its value look like a
      // command's name: the option is the mistake to name.
      const unknown = argv.slice(0, at).find((option) => option.startsWith('-') && !SPELLINGS.has(option.split('=')[0] ?? ''));
      return { command: commandNamed(NAMES.includes(arg) ? arg : (unknown ?? arg)), args: [...argv.slice(0, at), ...argv.slice(at + 1)] };
    }
  }
  return { command: commandNamed(argv[0] ?? ''), args: [] };
}

/** The command of that name, or a usage error with the nearest name. */
function commandNamed(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.usage.name === name);
  if (command) return command;
  if (name.startsWith('-')) {
    const nearest = suggest(name, ['--help', '--version', ...[...SPELLINGS.keys()].filter((spelling) => spelling.startsWith('--'))]);
    throw new CommandLineError(`Cannot use \`${name}\`: ${SPELLINGS.has(name) ? `name the command it is for (\`rightslint <command> ${name}\`)` : `unknown option${nearest}`}`);
  }
  throw new CommandLineError(`Cannot run \`${name}\`: unknown command${suggest(name, NAMES) || ` (expected ${NAMES.join(', ')})`}`);
}

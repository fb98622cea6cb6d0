import type { CommandUsage, OptionSpec } from './args.js';

/** Help is wrapped to the width of the narrowest common terminal, whatever the one it is shown in. */
const WIDTH = 80;

/** `rightslint --help`: the commands, each with its summary, and where each one's options are. */
export function mainHelp(commands: readonly CommandUsage[]): string {
  const rows = commands.map((command): [string, string] => [`${command.name}${command.args ? ` ${command.args}` : ''}`, command.summary]);
  return [
    'Usage: rightslint <command> [options]',
    '',
    'Commands:',
    ...table(rows),
    '',
    'Options:',
    ...table([['-h, --help', 'Show this help'], ['-v, --version', 'Show the version']]),
    '',
    ...wrap('Run `rightslint <command> --help` (or `rightslint help <command>`) for the options of a command; they go after its name or before it (`rightslint --no-color check`).', WIDTH),
    ...wrap('Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 a usage or policy error.', WIDTH),
    '',
  ].join('\n');
}

/** `rightslint <command> --help`: the usage line, each option in one line, details and examples. */
export function commandHelp(command: CommandUsage): string {
  const options = Object.entries(command.options).map(([name, option]): [string, string] => [optionName(name, option), describe(option)]);
  options.push(['-h, --help', 'Show this help']);
  return [
    `Usage: rightslint ${command.name}${options.length > 1 ? ' [options]' : ''}${command.args ? ` ${command.args}` : ''}`,
    '',
    `${command.summary}.`,
    '',
    'Options:',
    ...table(options),
    ...(command.details ? ['', ...command.details.flatMap((line) => wrap(line, WIDTH))] : []),
    '',
    command.examples.length === 1 ? 'Example:' : 'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}

function optionName(name: string, option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '    ';
  return `${short}--${name}${option.value ? ` ${option.value}` : ''}`;
}

function describe(option: OptionSpec): string {
  return option.choices ? `${option.description} [${option.choices.join(', ')}]` : option.description;
}

/** Two aligned columns, indented, the first as wide as its widest entry, the second wrapped under itself. */
function table(rows: ReadonlyArray<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  const indent = width + 4;
  return rows.flatMap(([left, right]) => wrap(right, Math.max(WIDTH - indent, 30)).map((line, i) => `${i === 0 ? `  ${left.padEnd(width)}  ` : ' '.repeat(indent)}${line}`));
}

/** Words in lines of at most `width` characters (a longer word alone on its line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

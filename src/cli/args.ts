import { parseArgs } from 'node:util';
import { suggest, UsageError } from '../index.js';

/** How one option is read: what `util.parseArgs` needs, and the values it may take. */
export interface OptionRule {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The only values allowed; another gets "expected one of", with the nearest one. */
  readonly choices?: readonly string[];
}

/** One option of a command as `--help` shows it: read as its rule says, described in one line. */
export interface OptionSpec extends OptionRule {
  /** The value's name in the help text (`FILE`, `N`); options that take a value have one. */
  readonly value?: string;
  readonly description: string;
}

/** A command's usage: the one source of its help text and of the options it accepts. */
export interface CommandUsage {
  readonly name: string;
  /** What follows the options on the usage line (`[paths...]`, `RULE`); nothing when absent. */
  readonly args?: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  /** Lines shown after the options (the rules `explain` knows, how `--quiet` counts). */
  readonly details?: readonly string[];
}

/** A command line that does not parse: the message ends by pointing at the command's own help. */
export class CommandLineError extends UsageError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CommandLineError';
  }
}

type Rules = Readonly<Record<string, OptionRule>>;
type Value<O extends OptionRule> = O['type'] extends 'string' ? string : boolean;
type Values<T extends Rules> = { -readonly [K in keyof T]?: T[K]['multiple'] extends true ? Array<Value<T[K]>> : Value<T[K]> };

/** What a command line holds: option values, positionals, and the options in the order given. */
export interface Parsed<T extends Rules> {
  values: Values<T>;
  positionals: string[];
  /** Option names as given, in order, for options where the last one wins (`--color`, `--no-color`). */
  given: string[];
}

/**
 * `util.parseArgs`, strict, with every mistake a usage error (exit 2) in one line of our own words,
 * and the nearest name for a typo. A negative number after an option that takes a value is that
 * option's value (`--max-warnings -1`), so that the option's own check can say what it expects.
 */
export function parseCommandLine<T extends Rules>(args: readonly string[], options: T): Parsed<T> {
  const joined = joinNegativeValues(args, options);
  // A loose pass first, to see each token as given: parseArgs's own errors stop at the first
  // mistake and speak of its internals ("argument is ambiguous", quoted '--' advice).
  const { tokens } = parseArgs({ args: joined, options: parseArgsOptions(options), allowPositionals: true, strict: false, tokens: true });
  const given: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    checkToken(token, options);
    given.push(token.name);
  }
  const { values, positionals } = strictParse(joined, options);
  for (const [name, rule] of Object.entries(options)) checkChoices(name, rule, values[name]);
  return { values: values as Values<T>, positionals, given };
}

/** Whether the command line asks for help (`--help`, `-h`), read as the command's options read it. */
export function asksForHelp(args: readonly string[], options: Rules): boolean {
  const { tokens } = parseArgs({ args: [...args], options: parseArgsOptions(options), allowPositionals: true, strict: false, tokens: true });
  return tokens.some((token) => token.kind === 'option' && (token.name === 'help' || token.rawName === '-h'));
}

/** The last of `--color` and `--no-color` given, or undefined when neither is. */
export function colorFlag(given: readonly string[]): boolean | undefined {
  const on = given.lastIndexOf('color');
  const off = given.lastIndexOf('no-color');
  return on === off ? undefined : on > off;
}

/** A whole number of at least `min`, written in digits, or a usage error naming the option and value. */
export function wholeNumber(option: string, text: string, min: number, hint?: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min) {
    throw new CommandLineError(`Cannot use ${option} \`${text}\`: expected a whole number from ${min}${hint ? ` (${hint})` : ''}`);
  }
  return value;
}

type OptionToken = { kind: 'option'; name: string; rawName: string; value: string | undefined; inlineValue: boolean | undefined };

function checkToken(token: OptionToken, options: Rules): void {
  const rule = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
  const shown = token.rawName;
  if (!rule) {
    // `--no-cache` is nearest to `--cache`, its opposite: say the option is off unless given.
    const negated = token.name.startsWith('no-') ? token.name.slice(3) : undefined;
    if (negated !== undefined && Object.hasOwn(options, negated) && options[negated]?.type === 'boolean') {
      throw new CommandLineError(`Cannot use \`${shown}\`: \`--${negated}\` is off unless given, so leave both out`);
    }
    throw new CommandLineError(`Cannot use \`${shown}\`: unknown option${nearestOption(shown, options) || ' (an argument that starts with a dash goes after `--`)'}`);
  }
  if (rule.type === 'boolean' && token.value !== undefined) {
    throw new CommandLineError(`Cannot use \`${shown}=${token.value}\`: \`${shown}\` takes no value`);
  }
  if (rule.type === 'string' && token.value === undefined) {
    throw new CommandLineError(`Cannot use \`${shown}\`: it needs a value`);
  }
  if (rule.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
    throw new CommandLineError(`Cannot use \`${shown}\`: it needs a value (for one that starts with a dash, write \`--${token.name}=${token.value}\`)`);
  }
}

/** "; did you mean `--format`?" for a mistyped long option, or a short one in the other case. */
function nearestOption(shown: string, options: Rules): string {
  if (shown.startsWith('--')) return suggest(shown, Object.keys(options).map((name) => `--${name}`));
  // Any one letter is one edit from any other: only a letter in the wrong case is a likely typo.
  const letter = shown.slice(1);
  const short = Object.values(options).find((rule) => rule.short !== undefined && rule.short.toLowerCase() === letter.toLowerCase());
  return short ? `; did you mean \`-${short.short}\`?` : '';
}

function checkChoices(name: string, rule: OptionRule, value: unknown): void {
  if (!rule.choices) return;
  for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
    if (typeof item === 'string' && !rule.choices.includes(item)) {
      throw new CommandLineError(`Cannot use --${name} \`${item}\`: expected one of ${rule.choices.join(', ')}${suggest(item, rule.choices)}`);
    }
  }
}

function strictParse(args: string[], options: Rules): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args, options: parseArgsOptions(options), allowPositionals: true, strict: true });
  } catch (error) {
    // The loose pass has caught every mistake known; another is read out in parseArgs's first sentence.
    throw new CommandLineError(`Cannot read the command line: ${(error as Error).message.split('. ')[0]}`, { cause: error });
  }
}

/** The table as `parseArgs` takes it: only its own fields, none undefined (it validates each). */
function parseArgsOptions(options: Rules): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  return Object.fromEntries(Object.entries(options).map(([name, { type, short, multiple }]) => [
    name,
    { type, ...(short === undefined ? {} : { short }), ...(multiple === undefined ? {} : { multiple }) },
  ]));
}

/** `--name -1` and `-n -1` as `--name=-1`, for options that take a value; anything else as given. */
function joinNegativeValues(args: readonly string[], options: Rules): string[] {
  const takesValue = (arg: string): string | undefined => {
    const entry = Object.entries(options).find(([name, option]) => option.type === 'string' && (arg === `--${name}` || (option.short !== undefined && arg === `-${option.short}`)));
    return entry?.[0];
  };
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const name = takesValue(arg);
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    if (name !== undefined && next !== undefined && /^-\d/.test(next)) {
      joined.push(`--${name}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/**
 * `util.parseArgs`, strict, with its errors turned into usage errors (exit 2). A negative number
 * after an option that takes a value is that option's value (`--max-warnings -1`), so that the
 * option's own check can say what it expects, where `parseArgs` would call it ambiguous.
 */
export function parseCommandLine<T extends Options>(args: readonly string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const ambiguous = /^Option '([^']+)' argument is ambiguous/.exec((error as Error).message);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && ambiguous) {
      const name = ambiguous[1] ?? '';
      const long = name.startsWith('--') ? name : `--${Object.entries(options).find(([, option]) => `-${option.short}` === name)?.[0] ?? name.slice(1)}`;
      throw new UsageError(`Cannot read the command line: \`${name}\` needs a value (for one that starts with a dash, write \`${long}=-…\`)`, { cause: error });
    }
    throw new UsageError(`Cannot read the command line: ${(error as Error).message}`, { cause: error });
  }
}

/** `--name -1` and `-n -1` as `--name=-1`, for options that take a value; anything else as given. */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
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

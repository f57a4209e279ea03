// The one way scripts read their command line: node:util parseArgs, strict, with its errors turned
// into UserErrors that name the flag and what would be valid (did-you-mean on an unknown flag), and
// a single-valued flag given twice refused rather than silently taking the last one.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean, UserError } from '../../harness/user-error';

export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

interface Settings {
  /** Positional arguments are allowed (import's collection file); default none. */
  allowPositionals?: boolean;
}

type Parsed<O extends FlagOptions, P extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>>;

/** Parses `argv` against `options`; every mistake is a UserError naming the flag. */
export function parseFlags<const O extends FlagOptions, P extends boolean = false>(
  argv: readonly string[],
  options: O,
  settings: Settings & { allowPositionals?: P } = {},
): Pick<Parsed<O, P>, 'values' | 'positionals'> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: settings.allowPositionals ?? false, tokens: true });
  } catch (error) {
    throw explain(error, argv, options);
  }
  refuseRepeats(parsed.tokens ?? [], options);
  return { values: parsed.values, positionals: parsed.positionals } as unknown as Pick<Parsed<O, P>, 'values' | 'positionals'>;
}

/** Every spelling of every flag, for suggestions: --name and -s. */
export function flagNames(options: FlagOptions): string[] {
  return Object.entries(options).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
}

function explain(error: unknown, argv: readonly string[], options: FlagOptions): Error {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? '';
    const bare = flag.split('=')[0] ?? flag;
    const long = Object.keys(options).map((name) => `--${name}`);
    return new UserError(`Unknown option ${bare}.${didYouMean(bare, long) || ` Options: ${long.join(', ')}.`}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = optionIn(message, options);
    const flag = name ? `--${name}` : 'an option';
    if (/does not take an argument/.test(message)) return new UserError(`Option ${flag} is a switch and takes no value; leave out the "=…".`);
    if (/ambiguous/.test(message)) {
      return new UserError(
        `Option ${flag} needs a value, but the next argument starts with "-". To pass a value that starts with a dash, write ${flag}=<value>.`,
      );
    }
    return new UserError(`Option ${flag} needs a value: ${flag} <value>.`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const given = /'([^']*)'/.exec(message)?.[1] ?? '';
    const hint = argv.some((arg) => arg.startsWith('-')) ? ' A value with spaces must be quoted.' : '';
    return new UserError(`Unexpected argument "${given}": this command takes only options.${hint}`);
  }
  return error as Error;
}

/** parseArgs names the option as "'-e, --environment <value>'" or "'--bail'". */
function optionIn(message: string, options: FlagOptions): string | undefined {
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const long = /--([\w-]+)/.exec(quoted)?.[1];
  if (long && options[long]) return long;
  const short = /(?:^|\s)-(\w)\b/.exec(quoted)?.[1];
  return Object.entries(options).find(([, spec]) => spec.short === short)?.[0];
}

function refuseRepeats(tokens: readonly { kind: string; name?: string }[], options: FlagOptions): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const spec = options[token.name];
    if (!spec || spec.multiple || spec.type === 'boolean') continue;
    if (seen.has(token.name)) throw new UserError(`Option --${token.name} was given twice; give it once.`);
    seen.add(token.name);
  }
}

/** A whole number ≥ min from a flag's value; blank (undefined) gives undefined. */
export function integerFlag(flag: string, raw: string | undefined, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) throw new UserError(`Option ${flag} takes a whole number ≥ ${min}, not ${JSON.stringify(raw)}.`);
  return Number(raw);
}

/** One of `allowed`, else a UserError naming the flag with did-you-mean. */
export function choiceFlag<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new UserError(`Option ${flag} takes ${allowed.join(', ')}; not ${JSON.stringify(raw)}.${didYouMean(raw, allowed)}`);
}

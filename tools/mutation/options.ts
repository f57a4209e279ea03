// The flags of `npm run mutation`, read and checked before any run: a mistake found after an hour
// of live runs would waste the hour.
import { UserError } from '../../harness/user-error';
import { integerFlag, parseFlags } from '../cli/args';

/** Runs with no drift when --baselines is not given: first, middle, last. */
export const DEFAULT_BASELINES = 3;

export const MUTATION_USAGE = `Usage: npm run mutation -- [options]

      --drift <id>      run only this drift (repeatable; default: the whole catalogue)
      --baselines <n>   runs with no drift, spread over the whole run (default ${DEFAULT_BASELINES}: first,
                        middle, last); a test failing in any of them is a false positive
      --no-baseline     no run with no drift (false positives are then not measured)
      --out <file>      also write the table as markdown, e.g. docs/mutation.md
      --json <file>     also write every run's failures as JSON (full messages)
      --from-json <f>   render the table from a saved --json file instead of running
  -h, --help            this text`;

export interface MutationArgs {
  help: boolean;
  drifts: string[];
  /** 0 with --no-baseline. */
  baselines: number;
  out?: string;
  json?: string;
  fromJson?: string;
}

export function parseMutationArgs(argv: readonly string[]): MutationArgs {
  const { values } = parseFlags(argv, {
    drift: { type: 'string', multiple: true },
    baselines: { type: 'string' },
    'no-baseline': { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'string' },
    'from-json': { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const given = values.baselines;
  if (given !== undefined && values['no-baseline']) {
    throw new UserError('Options --baselines and --no-baseline contradict each other; give one.');
  }
  if (given !== undefined && values['from-json'] !== undefined) {
    throw new UserError('Option --baselines sets how many runs to make; --from-json makes none (it renders the saved runs).');
  }
  return {
    help: values.help ?? false,
    drifts: values.drift ?? [],
    baselines: values['no-baseline'] ? 0 : (integerFlag('--baselines', given, 1) ?? DEFAULT_BASELINES),
    out: values.out,
    json: values.json,
    fromJson: values['from-json'],
  };
}

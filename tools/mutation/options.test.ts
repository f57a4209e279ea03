// The flags of `npm run mutation`: how many runs with no drift, and each mistake a UserError naming the flag.
import { userErrorMessage } from '../../harness/jest/user-error-message';
import { DEFAULT_BASELINES, MUTATION_USAGE, parseMutationArgs } from '.';

const messageOf = (argv: string[]): string => userErrorMessage(() => parseMutationArgs(argv));

describe('parseMutationArgs', () => {
  it('makes 3 runs with no drift by default, --baselines <n> of them, and none with --no-baseline', () => {
    expect(DEFAULT_BASELINES).toBe(3);
    expect(parseMutationArgs([]).baselines).toBe(3);
    expect(parseMutationArgs(['--baselines', '5']).baselines).toBe(5);
    expect(parseMutationArgs(['--baselines=1']).baselines).toBe(1);
    expect(parseMutationArgs(['--no-baseline']).baselines).toBe(0);
  });

  it('reads the other flags as before', () => {
    expect(parseMutationArgs(['--drift', 'a.b', '--drift', 'c.d', '--out', 'o.md', '--json', 'j.json'])).toEqual({
      help: false,
      drifts: ['a.b', 'c.d'],
      baselines: 3,
      out: 'o.md',
      json: 'j.json',
      fromJson: undefined,
    });
    expect(parseMutationArgs(['-h']).help).toBe(true);
  });

  it.each([
    ['zero', ['--baselines', '0'], 'Option --baselines takes a whole number ≥ 1, not "0".'],
    ['a negative number', ['--baselines=-2'], 'Option --baselines takes a whole number ≥ 1, not "-2".'],
    ['a fraction', ['--baselines', '2.5'], 'Option --baselines takes a whole number ≥ 1, not "2.5".'],
    ['a word', ['--baselines', 'three'], 'Option --baselines takes a whole number ≥ 1, not "three".'],
    ['no value', ['--baselines'], 'Option --baselines needs a value: --baselines <value>.'],
    ['with --no-baseline', ['--baselines', '2', '--no-baseline'], 'Options --baselines and --no-baseline contradict each other; give one.'],
    [
      'with --from-json',
      ['--baselines', '2', '--from-json', 'runs.json'],
      'Option --baselines sets how many runs to make; --from-json makes none (it renders the saved runs).',
    ],
    ['a misspelling', ['--baseline', '2'], 'Unknown option --baseline. Did you mean "--baselines" or "--no-baseline"?'],
  ])('refuses --baselines %s, naming the flag', (_kind, argv, message) => {
    expect(messageOf(argv)).toBe(message);
  });

  it('lists --baselines in the usage text', () => {
    expect(MUTATION_USAGE).toMatch(/--baselines <n> +runs with no drift, spread over the whole run \(default 3/);
  });
});

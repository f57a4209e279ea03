// The argument parser every script uses: each mistake is one UserError naming the flag.
import { userErrorMessage } from '../../harness/jest/user-error-message';
import { choiceFlag, integerFlag, parseFlags } from './args';

const OPTIONS = {
  environment: { type: 'string', short: 'e' },
  collection: { type: 'string', short: 'c', multiple: true },
  request: { type: 'string', short: 'r' },
  bail: { type: 'boolean' },
} as const;

describe('parseFlags: bad input (docs/errors.md)', () => {
  it.each([
    ['an unknown flag, with did-you-mean', ['--colection', 'media'], 'Unknown option --colection. Did you mean "--collection"?'],
    ['an unknown flag far from any, listing the flags', ['--zzz'], 'Unknown option --zzz. Options: --environment, --collection, --request, --bail.'],
    ['an unknown short flag', ['-z'], 'Unknown option -z. Options: --environment, --collection, --request, --bail.'],
    ['a flag missing its value', ['-e'], 'Option --environment needs a value: --environment <value>.'],
    [
      'a value that looks like a flag',
      ['-r', '--bail'],
      'Option --request needs a value, but the next argument starts with "-". To pass a value that starts with a dash, write --request=<value>.',
    ],
    ['a value given to a switch', ['--bail=yes'], 'Option --bail is a switch and takes no value; leave out the "=…".'],
    [
      'a stray positional argument',
      ['-r', 'POST', 'Token'],
      'Unexpected argument "Token": this command takes only options. A value with spaces must be quoted.',
    ],
    ['a single-valued flag given twice', ['-e', 'sandbox', '--environment', 'production'], 'Option --environment was given twice; give it once.'],
  ])('%s', (_kind, argv, message) => {
    expect(userErrorMessage(() => parseFlags(argv, OPTIONS))).toBe(message);
  });

  it('reads good input, repeated multiple flags included', () => {
    expect(parseFlags(['-e', 'sandbox', '-c', 'admin', '-c', 'media', '--bail'], OPTIONS).values).toEqual({
      environment: 'sandbox',
      collection: ['admin', 'media'],
      bail: true,
    });
  });

  it('integerFlag and choiceFlag name the flag and what is valid', () => {
    expect(userErrorMessage(() => integerFlag('--iteration-count', 'two', 1))).toBe('Option --iteration-count takes a whole number ≥ 1, not "two".');
    expect(userErrorMessage(() => choiceFlag('--color', 'of', ['on', 'off', 'auto']))).toBe(
      'Option --color takes on, off, auto; not "of". Did you mean "off" or "on"?',
    );
    expect(integerFlag('--n', '3', 1)).toBe(3);
    expect(integerFlag('--n', undefined, 1)).toBeUndefined();
  });
});

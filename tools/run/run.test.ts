// npm start's command line: the harness's flags and Newman's; every mistake names the flag.
import path from 'node:path';
import { userErrorMessage } from '../../harness/jest/user-error-message';
import { parseRunArgs, UsageError } from './options';
import { inBand, partsRunAlone, withoutPreload } from './run';

const messageOf = (argv: string[]): string => userErrorMessage(() => parseRunArgs(argv));

describe('parseRunArgs', () => {
  it('defaults to a live run of every collection with the HTML report', () => {
    expect(parseRunArgs([])).toEqual({
      environment: undefined,
      mode: 'live',
      collections: [],
      request: undefined,
      bail: false,
      quiet: false,
      html: true,
      silent: false,
      junit: true,
      reportsDir: undefined,
      envVars: [],
      iterationCount: undefined,
      iterationData: undefined,
      delayRequestMs: undefined,
      insecure: false,
      exportEnvironment: undefined,
      suppressExitCode: false,
      color: 'auto',
      verbose: false,
    });
  });

  it('chooses the reporters', () => {
    expect(parseRunArgs(['--reporters', 'junit'])).toMatchObject({ silent: true, junit: true, html: false });
    expect(parseRunArgs(['--reporters', 'cli,html'])).toMatchObject({ silent: false, junit: false, html: true });
  });

  it('reads environment, mode, repeated collections, one request and the flags', () => {
    const options = parseRunArgs([
      '-e',
      'production',
      '--mode',
      'replay',
      '-c',
      'authentication',
      '-c',
      'media',
      '-r',
      'POST Token',
      '--bail',
      '--quiet',
      '--no-html',
    ]);
    expect(options).toMatchObject({
      environment: 'production',
      mode: 'replay',
      collections: ['authentication', 'media'],
      request: 'POST Token',
      bail: true,
      quiet: true,
      html: false,
    });
  });

  it("reads Newman's flags with Newman's meanings", () => {
    const options = parseRunArgs([
      '--env-var',
      'read_only=true',
      '--env-var',
      'x-mitel-app=app=a/1',
      '-n',
      '3',
      '-d',
      'rows.csv',
      '--delay-request',
      '200',
      '--timeout-request',
      '5s',
      '--timeout',
      '10m',
      '-k',
      '--export-environment',
      'out.json',
      '-x',
      '--color',
      'off',
      '--verbose',
    ]);
    expect(options).toMatchObject({
      envVars: [
        ['read_only', 'true'],
        ['x-mitel-app', 'app=a/1'],
        ['request_timeout_ms', '5000'],
        ['run_timeout_ms', '600000'],
      ],
      iterationCount: 3,
      iterationData: 'rows.csv',
      delayRequestMs: 200,
      insecure: true,
      exportEnvironment: 'out.json',
      suppressExitCode: true,
      color: 'off',
      verbose: true,
    });
  });

  it('answers help', () => {
    expect(parseRunArgs(['--help'])).toBe('help');
  });
});

describe('parseRunArgs: bad input (docs/errors.md)', () => {
  it.each([
    ['an unknown mode', ['--mode', 'fast'], 'Option --mode takes live, replay, record; not "fast".'],
    ['a misspelt mode', ['-m', 'replya'], 'Option --mode takes live, replay, record; not "replya". Did you mean "replay"?'],
    ['an unknown flag', ['--colection', 'media'], 'Unknown option --colection. Did you mean "--collection"?'],
    ['an unknown reporter', ['--reporters', 'cli,xml'], '--reporters takes cli, junit, html; not "xml".'],
    ['a shard that is not i/n', ['--shard', '4/3'], 'Option --shard takes i/n with 1 <= i <= n, e.g. 2/3; not "4/3".'],
    ['an empty environment', ['-e', ''], 'Option --environment is empty; give it a value or leave the option out.'],
    ['an empty request', ['-r', ' '], 'Option --request is empty; give it a value or leave the option out.'],
    ['--env-var without "="', ['--env-var', 'read_only'], 'Option --env-var takes key=value, e.g. --env-var read_only=true; one value given has no "=".'],
    ['--env-var without a key', ['--env-var', '=x'], 'Option --env-var takes key=value, e.g. --env-var read_only=true; one value given has no key before "=".'],
    ['--iteration-count 0', ['-n', '0'], 'Option --iteration-count takes a whole number ≥ 1, not "0".'],
    ['--iteration-count that is not a number', ['--iteration-count', 'many'], 'Option --iteration-count takes a whole number ≥ 1, not "many".'],
    ['--delay-request that is not a duration', ['--delay-request', 'soon'], 'Option --delay-request takes milliseconds (≥ 0), e.g. 5000 or 5s; not "soon".'],
    ['--timeout-request 0', ['--timeout-request', '0'], 'Option --timeout-request takes milliseconds (≥ 1), e.g. 5000 or 5s; not "0".'],
    [
      '--timeout that is not a duration',
      ['--timeout', '-1'],
      'Option --timeout needs a value, but the next argument starts with "-". To pass a value that starts with a dash, write --timeout=<value>.',
    ],
    ['--color with an unknown value', ['--color', 'blue'], 'Option --color takes on, off, auto; not "blue".'],
    ['a repeated environment', ['-e', 'eu', '-e', 'production'], 'Option --environment was given twice; give it once.'],
    ['--suppress-exit-code with a value', ['--suppress-exit-code=true'], 'Option --suppress-exit-code is a switch and takes no value; leave out the "=…".'],
  ])('%s', (_kind, argv, message) => {
    expect(messageOf(argv)).toBe(message);
  });

  it('is a UsageError', () => {
    expect(() => parseRunArgs(['--shard', '0/2'])).toThrow(UsageError);
  });
});

describe('withoutPreload', () => {
  it('drops the preloading of one module in each spelling Node accepts, and nothing else', () => {
    const flags = ['-r', 'esbuild-register', '--require', 'esbuild-register', '--require=esbuild-register', '-r', 'dotenv/config', '--enable-source-maps'];
    expect(withoutPreload(flags, 'esbuild-register')).toEqual(['-r', 'dotenv/config', '--enable-source-maps']);
    expect(withoutPreload(['--inspect', '-r'], 'esbuild-register')).toEqual(['--inspect', '-r']);
  });

  it('knows a file by a relative path as well as its absolute one', () => {
    const loader = path.resolve('scripts/register.js');
    const flags = ['-r', './scripts/register.js', '--require=scripts/register.js', '-r', './scripts/other.js'];
    expect(withoutPreload(flags, loader)).toEqual(['-r', './scripts/other.js']);
  });
});

describe('inBand', () => {
  it('runs a replay of several files in band, up to jest’s 20, and leaves the rest to jest', () => {
    expect(inBand('replay', 6)).toBe(true);
    expect(inBand('replay', 20)).toBe(true);
    expect(inBand('replay', 21)).toBeUndefined();
    // One file jest runs in band on its own; none (a root without suites/) is jest's to find.
    expect(inBand('replay', 1)).toBeUndefined();
    expect(inBand('replay', 0)).toBeUndefined();
    expect(inBand('live', 6)).toBeUndefined();
    expect(inBand('record', 6)).toBeUndefined();
  });
});

describe('partsRunAlone', () => {
  it('runs parts as test files only in a live run against a real account that keeps no exchanges', () => {
    expect(partsRunAlone('live', 'remote', false)).toBe(true);
    expect(partsRunAlone('live', 'remote', true)).toBe(false);
    expect(partsRunAlone('live', 'sandbox', false)).toBe(false);
    expect(partsRunAlone('record', 'remote', false)).toBe(false);
    expect(partsRunAlone('replay', 'remote', false)).toBe(false);
  });
});

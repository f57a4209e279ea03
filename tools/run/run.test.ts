import { parseRunArgs, UsageError } from './run';

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
    });
  });

  it('chooses the reporters, and names one it does not know', () => {
    expect(parseRunArgs(['--reporters', 'junit'])).toMatchObject({ silent: true, junit: true, html: false });
    expect(parseRunArgs(['--reporters', 'cli,html'])).toMatchObject({ silent: false, junit: false, html: true });
    expect(() => parseRunArgs(['--reporters', 'cli,xml'])).toThrow(new UsageError('--reporters takes cli, junit, html; not "xml".'));
  });

  it('reads a shard and refuses one that is not i/n', () => {
    expect(parseRunArgs(['--shard', '2/3'])).toMatchObject({ shard: '2/3' });
    expect(() => parseRunArgs(['--shard', '4/3'])).toThrow(UsageError);
  });

  it('reads environment, mode, repeated collections, one request and the flags', () => {
    const options = parseRunArgs(['-e', 'production', '--mode', 'replay', '-c', 'authentication', '-c', 'media', '-r', 'POST Token', '--bail', '--quiet', '--no-html']);

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

  it('rejects an unknown mode naming it', () => {
    expect(() => parseRunArgs(['--mode', 'fast'])).toThrow(new UsageError('--mode must be live, replay or record, not "fast".'));
  });

  it('rejects an unknown option', () => {
    expect(() => parseRunArgs(['--colection', 'media'])).toThrow(/colection/);
  });

  it('answers help', () => {
    expect(parseRunArgs(['--help'])).toBe('help');
  });
});

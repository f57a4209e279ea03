import { spawnSync } from 'node:child_process';
import path from 'node:path';

const TRANSFORM = path.join(__dirname, 'swc-transform.js');
const OPTIONS = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, sourceMaps: true };
const SOURCE = 'export const answer: number = 42;\n';
const FILE = '/project/harness/answer.ts';
const JEST_OPTIONS = {
  configString: '{"rootDir":"/project"}',
  instrument: false,
  supportsStaticESM: false,
  supportsDynamicImport: true,
  config: { rootDir: '/project' },
};

interface Transformer {
  canInstrument: boolean;
  getCacheKey(source: string, filename: string, options: object): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS module jest loads by path
const { createTransformer } = require(TRANSFORM) as { createTransformer(options: object): Transformer };

describe('the suites’ TypeScript transform', () => {
  it('answers a cache key without loading the compiler, and compiles what @swc/jest compiles', () => {
    // In a process of its own, whose module cache shows what was loaded.
    const script = `
      const t = require(${JSON.stringify(TRANSFORM)}).createTransformer(${JSON.stringify(OPTIONS)});
      const loaded = () => Object.keys(require.cache).some((file) => file.includes('@swc/core') && !file.endsWith('package.json'));
      const options = ${JSON.stringify(JEST_OPTIONS)};
      t.getCacheKey(${JSON.stringify(SOURCE)}, ${JSON.stringify(FILE)}, options);
      const afterKey = loaded();
      const ours = t.process(${JSON.stringify(SOURCE)}, ${JSON.stringify(FILE)}, options);
      const theirs = require('@swc/jest').createTransformer(${JSON.stringify(OPTIONS)}).process(${JSON.stringify(SOURCE)}, ${JSON.stringify(FILE)}, options);
      console.log(JSON.stringify({ afterKey, afterProcess: loaded(), same: ours.code === theirs.code && ours.map === theirs.map, code: ours.code }));`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '../..'), encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout) as { afterKey: boolean; afterProcess: boolean; same: boolean; code: string };
    expect(result).toMatchObject({ afterKey: false, afterProcess: true, same: true });
    expect(result.code).toContain('answer = 42');
  });

  it('gives the same key to the same input, and another one when anything the output depends on differs', () => {
    const transformer = createTransformer(OPTIONS);
    const key = (source = SOURCE, file = FILE, options: object = JEST_OPTIONS, transformer2 = transformer) => transformer2.getCacheKey(source, file, options);
    expect(key()).toBe(createTransformer(OPTIONS).getCacheKey(SOURCE, FILE, JEST_OPTIONS));
    const others = [
      key('export const answer: number = 43;\n'),
      key(SOURCE, '/project/harness/other.ts'),
      key(SOURCE, FILE, { ...JEST_OPTIONS, instrument: true }),
      key(SOURCE, FILE, { ...JEST_OPTIONS, supportsStaticESM: true }),
      key(SOURCE, FILE, { ...JEST_OPTIONS, configString: '{"rootDir":"/elsewhere"}' }),
      key(SOURCE, FILE, JEST_OPTIONS, createTransformer({ ...OPTIONS, sourceMaps: 'inline' })),
    ];
    expect(new Set([key(), ...others]).size).toBe(others.length + 1);
    expect(transformer.canInstrument).toBe(false);
  });
});

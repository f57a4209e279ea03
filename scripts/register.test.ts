// The scripts' TypeScript loader as a script meets it: a file is compiled once and then loaded from
// the cache without @swc/core, an edited file is compiled again, and errors name the .ts lines;
// on Node 22.1 and later, Node's own compile cache is on, and handed to the processes it starts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';

const REGISTER = path.join(__dirname, 'register.js');
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'register-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runTs(source: string, baseEnv: NodeJS.ProcessEnv = process.env): { stdout: string; stderr: string } {
  const file = path.join(dir, 'probe.ts');
  writeFileSync(file, source);
  const env = { ...baseEnv, CLOUDLINK_REGISTER_CACHE: path.join(dir, 'cache') };
  const result = spawnSync(process.execPath, ['-r', REGISTER, file], { encoding: 'utf8', env });
  return { stdout: result.stdout.trim(), stderr: result.stderr };
}

// Whether @swc/core's own module was loaded by the time the probe ran.
const reportsCompiler = (value: number) =>
  `const value: number = ${value};\nconsole.log(value, Object.keys(require.cache).some((key) => /@swc.core.index\\.js$/.test(key)));\n`;

it('compiles a file once; the next start loads it from the cache without the compiler', () => {
  const value = Date.now();
  expect(runTs(reportsCompiler(value)).stdout).toBe(`${value} true`);
  expect(runTs(reportsCompiler(value)).stdout).toBe(`${value} false`);
});

it('compiles an edited file again rather than run what it said before', () => {
  const value = Date.now();
  expect(runTs(reportsCompiler(value)).stdout).toBe(`${value} true`);
  expect(runTs(reportsCompiler(value + 1)).stdout).toBe(`${value + 1} true`);
});

it("names the .ts file's own line in a stack trace, cached or not", () => {
  const source = `interface Unused {\n  a: string;\n}\nthrow new Error('line four ${Date.now()}');\n`;
  expect(runTs(source).stderr).toContain('probe.ts:4');
  expect(runTs(source).stderr).toContain('probe.ts:4');
});

it("keeps Node's own compile cache beside its cache, and hands it to child processes, where Node has one (22.1 and later)", () => {
  const nodeHasOne = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  const probe = "console.log(require('node:module').getCompileCacheDir?.() ?? 'none', process.env.NODE_COMPILE_CACHE ?? 'none');\n";
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  const [cacheDir, forChildren] = runTs(probe, env).stdout.split(' ');
  // Node keeps a folder per Node version and build inside the one it is given.
  expect(nodeHasOne ? path.dirname(cacheDir ?? '') : cacheDir).toBe(nodeHasOne ? path.join(dir, 'node-compile') : 'none');
  expect(forChildren).toBe(nodeHasOne ? path.join(dir, 'node-compile') : 'none');
});

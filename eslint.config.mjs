// The linter: typescript-eslint's recommended rules (not the type-checked set: `tsc --noEmit` already
// type-checks, and the syntactic set keeps the whole lint to seconds) and the import rules of the
// design (who may import whom). Runtime import cycles are found by tools/lint/cycles.ts instead of
// import-x/no-cycle, which took minutes here. `npm run lint` runs all three, then prettier --check.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const apis = readdirSync(path.join(root, 'suites'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The sandbox's public entries: index.ts, and the switchboard's client and shapes, which load no
// Fastify, so the test process (harness/switchboard.ts) can drive a running sandbox cheaply.
const SANDBOX_ENTRIES = ['./index.ts', './switchboard/client.ts', './switchboard/types.ts'];
const SANDBOX_DEEP = 'Import the sandbox through sandbox/index.ts (or the light sandbox/switchboard/client.ts, types.ts), not a deeper file.';

/** Zones for import-x/no-restricted-paths: a file under `target` may not import anything under `from` but `except`. */
const zones = [
  // suites/ stand on the harness's public entry only. A suite folder keeps its tests and helpers to
  // itself; another suite's collection.ts is open to it, since a scenario may need a request of
  // another API (admin signs a new user in with POST Token; a call rings a notifications inbox).
  { target: './suites', from: './harness', except: ['./index.ts'], message: 'Suites import the harness only through harness/index.ts.' },
  { target: './suites', from: ['./sandbox', './tools', './scripts'], message: 'Suites import only harness/index.ts, types/ and their own folder.' },
  ...apis.map((api) => ({
    target: `./suites/${api}`,
    from: './suites',
    except: [`./${api}`, ...apis.filter((other) => other !== api).map((other) => `./${other}/collection.ts`)],
    message: `A suite imports its own folder (suites/${api}/) and no more of another suite than its collection.ts.`,
  })),
  // The sandbox is the other party: it must not share the client's mistakes.
  {
    target: './sandbox',
    from: ['./harness', './suites', './tools', './scripts'],
    message: 'The sandbox (its tests included) never imports harness/, suites/, tools/ or scripts/.',
  },
  { target: './harness', from: ['./tools', './suites', './scripts'], message: 'The harness never imports tools/, suites/ or scripts/.' },
  // Tools work on the collections (conformance replays them against the sandbox), so a suite's
  // collection.ts is open to them; its tests and helpers are not.
  {
    target: './tools',
    from: './suites',
    except: apis.map((api) => `./${api}/collection.ts`),
    message: "Tools may read a suite's collection.ts, nothing else of suites/.",
  },
  { target: './tools', from: './scripts', message: 'Tools never import scripts/: scripts are the entries that call tools.' },
  { target: './scripts', from: './suites', message: 'Scripts import harness/ and tools/, not suites/.' },
  { target: ['./harness', './tools', './scripts'], from: './sandbox', except: SANDBOX_ENTRIES, message: SANDBOX_DEEP },
  { target: './types', from: ['./harness', './sandbox', './suites', './tools', './scripts'], message: 'Generated types import only types/.' },
];

// What a suite would reach around the harness for: the harness wraps each of these.
const HARNESS_OWNED_PACKAGES = ['nock', 'ajv', 'ajv-formats', 'allure-js-commons', 'allure-jest', 'supertest'];

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/', 'coverage/', 'types/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      eqeqeq: ['error', 'smart'],
      // Prettier owns the layout, and breaks `request(origin)[method](path)` before the `[`.
      'no-unexpected-multiline': 'off',
      // `declare global { namespace jest { ... } }` is how a custom jest matcher is typed.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    // The scripts' loader, JavaScript that `node -r` runs before any TypeScript can be compiled,
    // jest's runtime with its code cache, which jest requires without its transform, and the
    // results thread's writer, which a thread loads without a TypeScript loader.
    files: [
      'scripts/register.js',
      'harness/jest/runtime.js',
      'harness/jest/code-cache.js',
      'harness/jest/source-cache.js',
      'harness/jest/swc-transform.js',
      'harness/jest/test-sequencer.js',
      'harness/report/recycled-files.js',
      'harness/report/results-thread.js',
    ],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['suites/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: HARNESS_OWNED_PACKAGES.flatMap((name) => [name, `${name}/*`]),
              message: 'Suites reach nock, ajv, allure and supertest only through harness/index.ts.',
            },
          ],
        },
      ],
    },
  },
);

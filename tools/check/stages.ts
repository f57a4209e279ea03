// What `npm test` runs, by stage; each entry is also its own npm script. The static checks each hold
// one core; the unit tests and each suite run use jest workers.
import type { Check } from './parallel';

export const STATIC_CHECKS: Check[] = [
  { name: 'type-check', command: 'npm run -s typecheck' },
  { name: 'eslint', command: 'npm run -s lint:eslint' },
  { name: 'prettier', command: 'npm run -s lint:format' },
  { name: 'import cycles', command: 'npm run -s lint:cycles' },
  { name: 'generated types', command: 'npm run -s types:check' },
];

export const UNIT_TESTS: Check = { name: 'unit tests', command: 'npm run -s test:unit' };

/** Replay answers from the fixtures and live talks to its own embedded sandbox: they share nothing but the cores. */
export const SUITE_RUNS: Check[] = [
  { name: 'suites, live', command: 'npm run -s test:live' },
  { name: 'suites, replay', command: 'npm run -s test:replay -- --reports reports/replay' },
];

// The describe blocks around the running test, as the report groups by them. jest-circus knows
// them only in the environment (each event carries the test entry and its parents); the test's own
// code sees just the joined full name, which cannot be split back into describe and title. So the
// suites' environment notes them on the test's global at test_start (test-events.ts), and the
// client reads them when it labels the test (allure.ts).
import type { Circus } from '@jest/types';

const DESCRIBE_PATH = Symbol.for('cloudlink.describe-path');

/** jest-circus's name for the describe block around a whole file, which is no describe of the user's. */
const ROOT_BLOCK = 'ROOT_DESCRIBE_BLOCK';

/** At test_start (harness/report/test-events.ts); `testGlobal` is the environment's `global`. */
export function noteDescribePath(test: Circus.TestEntry, testGlobal: object): void {
  (testGlobal as Record<symbol, unknown>)[DESCRIBE_PATH] = describePathOf(test);
}

/** Outermost first: ['Scenario: admin'] for a test written directly in that describe. */
export function describePathOf(test: Circus.TestEntry): string[] {
  const titles: string[] = [];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) {
    if (block.name !== ROOT_BLOCK) titles.unshift(block.name);
  }
  return titles;
}

/** The running test's describe titles, outermost first; empty outside the suites' environment. */
export function currentDescribePath(): readonly string[] {
  const noted = (globalThis as Record<symbol, unknown>)[DESCRIBE_PATH];
  return Array.isArray(noted) ? (noted as string[]) : [];
}

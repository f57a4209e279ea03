// The read-only switch, for watching a production account with the same suites: with `read_only`
// set to true in the environment (or CLOUDLINK_READ_ONLY=true), tests that change state are
// skipped — jest, JUnit and Allure all show them as skipped — and the pipeline's read-only guard
// refuses any request that could change something (harness/pipeline/read-only.ts).
import { readOnlyEnvironment } from './pipeline/read-only';
import { session } from './session';

export { ReadOnlyError, onlyReads } from './pipeline/read-only';

/** True when the environment asks for a read-only run. */
export function isReadOnly(): boolean {
  return readOnlyEnvironment(session.env);
}

/**
 * `it` for a test that creates, changes or deletes something: skipped in read-only runs. `it` is
 * looked up only when a test is declared, so collections that import the harness still load
 * outside jest (npm run export).
 */
export const itWrites: jest.It = new Proxy((() => undefined) as unknown as jest.It, {
  apply(_target, thisArg, args: Parameters<jest.It>) {
    return (isReadOnly() ? it.skip : it).apply(thisArg, args);
  },
  // itWrites.each(table)(…) too.
  get(_target, property) {
    return Reflect.get(isReadOnly() ? it.skip : it, property);
  },
});

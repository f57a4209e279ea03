// The jest matcher `expect(body).toMatchSchema('authentication/token')`. Importing this module
// registers it; the jest setup files of both projects do. Its failure message lists every problem
// with where it is (instance path), which rule failed (schema path), why, and the offending value,
// masked first: a matcher message ends up in CI logs and reports, so no secret may pass through it.
// An identifier is printed as it is only where the suites' environment masks the shared copies of
// the message (harness/report/failure-events.ts) and the terminal may show it: a developer then
// sees their own account's value, and junit.xml and Allure a placeholder.
import { maskSensitive } from '../redact/mask';
import { identifierNoter } from '../report/failure-masker';
import { schemaFileOf, validateAgainst, type SchemaProblem } from './registry';

declare global {
  // jest's matcher typing is a global namespace; merging into it is the documented way to type a custom matcher.
  namespace jest {
    interface Matchers<R> {
      /** Passes when the received value is valid against the schema `schemaId` (e.g. "authentication/token"). */
      toMatchSchema(schemaId: string): R;
    }
  }
}

/** Longest rendering of one offending value; the rest is cut, since a whole body would bury the problem. */
export const MAX_VALUE_LENGTH = 200;

export function toMatchSchema(this: jest.MatcherContext, received: unknown, schemaId: string): jest.CustomMatcherResult {
  const hint = this.utils.matcherHint('toMatchSchema', undefined, JSON.stringify(schemaId), {
    isNot: this.isNot,
    promise: this.promise,
  });
  const { valid, problems } = validateAgainst(schemaId, received);
  const where = `${schemaId} (${schemaFileOf(schemaId)})`;
  if (valid) {
    return { pass: true, message: () => `${hint}\n\nExpected the value not to match schema ${where}, but it does.` };
  }
  return {
    pass: false,
    message: () => `${hint}\n\n${describeProblems(where, problems)}`,
  };
}

/** The failure text: one numbered block per problem. */
export function describeProblems(where: string, problems: readonly SchemaProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const blocks = problems.map((problem, index) =>
    [
      `  ${index + 1}. at ${problem.instancePath || '(root)'}: ${problem.message}`,
      `     schema: ${problem.schemaPath}`,
      `     value:  ${renderValue(problem)}`,
    ].join('\n'),
  );
  return [`The value does not match schema ${where}: ${count}.`, ...blocks].join('\n');
}

/** The offending value, masked by the name it sits under (credentials, identifiers, JWTs), then truncated. */
export function renderValue(problem: Pick<SchemaProblem, 'instancePath' | 'value'>): string {
  const keepIdentifiers = identifierNoter();
  const masked = maskSensitive(problem.value, lastKey(problem.instancePath), keepIdentifiers ? { keepIdentifiers } : {});
  const text = masked === undefined ? 'undefined' : (JSON.stringify(masked) ?? String(masked));
  if (text.length <= MAX_VALUE_LENGTH) return text;
  return `${text.slice(0, MAX_VALUE_LENGTH)}… (${text.length - MAX_VALUE_LENGTH} more characters)`;
}

/** The property name the value sits under; array indexes are skipped so the items of `password: [...]` mask too. */
function lastKey(instancePath: string): string | undefined {
  const names = instancePath
    .split('/')
    .slice(1)
    .filter((segment) => !/^\d+$/.test(segment));
  const name = names[names.length - 1];
  return name === undefined ? undefined : name.replace(/~1/g, '/').replace(/~0/g, '~');
}

expect.extend({ toMatchSchema });

// Step: the contract. Every answer a test receives is checked against what its named request
// declares — a declared status, and a body valid against the schema declared for that status — and
// against the platform-wide rule that JSON answers are typed application/json (AUTH-SPEC,
// MEDIA-SPEC `produces`). A breach fails the test that sent the request when it ends, with the
// JSON pointer of each problem, even when the test asserts nothing about the answer. It sits above
// the retries, so only the answer the test finally gets is judged.
import type { NamedRequest } from '../client/named-request';
import { validateAgainst } from '../schema/registry';
import type { Answer, Step } from './types';

/**
 * A busy or unreachable platform answers these on any request (RFC 9110 §15.6, RFC 6585 §4); they
 * say nothing about the request's contract, the retry step has already tried again, and the test's
 * own status assertion reports them. They are not required in every collection entry.
 */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/** Problems shown per breach; the rest are counted. */
const MAX_PROBLEMS = 5;

export const contract: Step = async (outgoing, context, next) => {
  const answer = await next(outgoing);
  const test = context.test;
  if (test) test.contractProblems.push(...contractProblems(outgoing.named, answer));
  return answer;
};

/** What is wrong with an answer to `named`, one line each; empty when it keeps the contract. */
export function contractProblems(named: Pick<NamedRequest, 'name' | 'responses'>, answer: Pick<Answer, 'status' | 'headers' | 'body'>): string[] {
  const problems: string[] = [];
  const contentType = answer.headers['content-type'] ?? '';
  if (/json/i.test(contentType) && !/^application\/json\s*(;|$)/i.test(contentType)) {
    problems.push(`"${named.name}" answered ${answer.status} with Content-Type ${contentType}, not application/json`);
  }
  const schemaId = named.responses[answer.status];
  if (schemaId === undefined && TRANSIENT_STATUSES.has(answer.status)) return problems;
  if (schemaId === undefined) {
    const declared = Object.keys(named.responses).join(', ');
    problems.push(`"${named.name}" answered ${answer.status}, a status its collection does not declare (declared: ${declared})`);
    return problems;
  }
  const verdict = validateAgainst(schemaId, answer.body);
  if (!verdict.valid) {
    const shown = verdict.problems.slice(0, MAX_PROBLEMS).map((p) => `at ${p.instancePath || '(root)'}: ${p.message}`);
    const more = verdict.problems.length > MAX_PROBLEMS ? `; … and ${verdict.problems.length - MAX_PROBLEMS} more` : '';
    problems.push(`"${named.name}" answered ${answer.status} with a body that breaks schema ${schemaId}: ${shown.join('; ')}${more}`);
  }
  return problems;
}

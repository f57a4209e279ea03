// `npm run send -- "GET Users"`: one named request, like Postman's Send button. The environment is
// loaded as for a run (the embedded sandbox is started when it is the target), the users log in
// through the pipeline, the request is sent with retries and auth, and the exchange is printed with
// secrets masked and checked against the schema its collection declares for the status.
import type { NamedRequest } from '../../harness/client/named-request';
import { discoverCollections } from '../../harness/collections';
import { baseUrlsOf, loadEnvironment, type Environment } from '../../harness/env';
import { loggedIn, sandboxContext } from '../../harness/jest/live-setup';
import type { Answer } from '../../harness/pipeline';
import { contractProblems } from '../../harness/pipeline/contract';
import { compose } from '../../harness/pipeline/compose';
import { readOnlyGuard } from '../../harness/pipeline/read-only';
import { retry } from '../../harness/pipeline/retry';
import { auth } from '../../harness/pipeline/auth';
import { closeTransport, transport } from '../../harness/pipeline/transport';
import { maskSensitive } from '../../harness/redact/mask';
import { didYouMean, UserError } from '../../harness/user-error';
import { startSandbox, type RunningSandbox } from '../../sandbox';

export interface SendRequestOptions {
  request: string;
  /** Environment name or file; default as for a run. */
  environment?: string;
  /** The collection (suites/<api>) when a name is in more than one. */
  collection?: string;
  /** Request-local variables (--var k=v). */
  vars: Record<string, string>;
}

export interface SendOutcome {
  ok: boolean;
  /** The exchange and the verdict, ready to print. */
  text: string;
}

/** The Send button's pipeline: no report and no replay, since there is no test to attach them to. */
const sendOnce = compose([readOnlyGuard, retry, auth], transport);

const MAX_BODY = 4000;

export async function sendRequest(options: SendRequestOptions): Promise<SendOutcome> {
  const named = findRequest(options.request, options.collection);
  let sandbox: RunningSandbox | undefined;
  try {
    const chosen = loadEnvironment({ mode: 'live', environment: options.environment });
    if (chosen.target === 'sandbox') sandbox = await startSandbox();
    const context = await loggedIn(sandbox ? sandboxContext(sandbox, { environment: options.environment }) : { env: chosen, baseUrls: baseUrlsOf(chosen) });
    const { env } = context;
    const answer = await sendOnce({ named, options: { vars: options.vars } }, context);
    const problems = contractProblems(named, answer);
    return { ok: problems.length === 0, text: render(named, env, answer, problems) };
  } finally {
    closeTransport();
    await sandbox?.close();
  }
}

function findRequest(name: string, collection: string | undefined): NamedRequest {
  const entries = discoverCollections(undefined, collection ? [collection] : []);
  const found = entries.flatMap(({ collection: c }) => (c.requests[name] ? [{ api: c.api, named: c.requests[name] as NamedRequest }] : []));
  // A collection may carry another's request (Conversations logs in with Authentication's GET Token): the same request.
  const distinct = new Set(found.map(({ named }) => `${named.method} ${named.url}`));
  if (found.length > 0 && distinct.size === 1) return (found[0] as { named: NamedRequest }).named;
  if (found.length > 1) {
    throw new UserError(`"${name}" is in more than one collection (${found.map((f) => f.api).join(', ')}): say which with --collection <api>.`);
  }
  const known = entries.flatMap(({ collection: c }) => Object.keys(c.requests));
  throw new UserError(
    `No request "${name}"${collection ? ` in the ${collection} collection` : ''}.${didYouMean(name, known)} List them with npm run send -- --list.`,
  );
}

/** Every named request, by collection, for --list. */
export function listRequests(): string {
  return discoverCollections()
    .map(
      ({ collection }) =>
        `${collection.name} (${collection.api})\n${Object.keys(collection.requests)
          .map((name) => `  ${name}`)
          .join('\n')}`,
    )
    .join('\n');
}

function render(named: NamedRequest, env: Environment, answer: Answer, problems: string[]): string {
  const lines = [`${named.name}: ${named.method} ${named.url}`, `→ ${answer.status} in ${answer.ms.toFixed(1)} ms`];
  for (const [header, value] of Object.entries(answer.headers)) lines.push(`  ${header}: ${String(maskSensitive(value, header))}`);
  if (answer.body !== undefined) {
    const body = JSON.stringify(maskSensitive(answer.body), null, 2) ?? String(answer.body);
    lines.push(body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n… ${body.length - MAX_BODY} more characters` : body);
  }
  const schema = named.responses[answer.status];
  lines.push(
    problems.length
      ? `contract broken (${env.name}):\n  ${problems.join('\n  ')}`
      : `contract kept: ${answer.status} declared${schema ? `, body valid against ${schema}` : ''}`,
  );
  return lines.join('\n');
}

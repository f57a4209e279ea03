// Conformance of the sandbox to the contracts the collections declare. The steps are the collections'
// own: every named request of every collection the registry finds (harness/collections.ts) carries
// `examples`, each one send and the status a fresh sandbox must give it, a success and an error at
// least. An example that may change something runs alone in a sandbox of its own, its `setup`
// first; one that cannot (a GET or an error, with no setup) shares its collection's sandbox with the
// others of its kind, since building a sandbox is most of this test's time. Its answer must
// (1) have the example's status, (2) have a status the request declares and (3) validate against
// the schema declared for it. A drift between sandbox, collection and schemas/ shows up here
// without running the suites; the sandbox still never reads a collection (eslint.config.mjs), so a path
// written wrong on one side fails here instead of passing on both.
import type { Collection, NamedRequest, RequestExample } from '../../harness/client/named-request';
import { ownCollections } from '../../harness/collections';
import { validateAgainst } from '../../harness/schema/registry';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { ExampleRunner } from './send-example';

const collections = ownCollections();

/**
 * Named requests with no example of a kind they need, and why. A request needs an error example,
 * and a success example when it declares a 2xx status; a request that only shows the gateway's 403
 * (GET Unknown Path, DELETE Call) declares none, so its error example covers it.
 */
const EXPLAINED: Record<string, string> = {};

interface Gap {
  request: string;
  missing: string;
}

function gapsOf(collection: Collection, named: NamedRequest): Gap[] {
  const request = `${collection.api}/${named.name}`;
  const statuses = Object.keys(named.examples ?? {}).map(Number);
  const gaps: Gap[] = [];
  const declaresSuccess = Object.keys(named.responses).some((status) => Number(status) < 300);
  if (declaresSuccess && !statuses.some((status) => status < 300)) gaps.push({ request, missing: 'a success example' });
  if (!statuses.some((status) => status >= 400)) gaps.push({ request, missing: 'an error example' });
  return gaps;
}

/** Examples expecting a status their request does not declare: a mistake to mend, never to explain. */
function undeclaredOf(collection: Collection, named: NamedRequest): string[] {
  const statuses = Object.keys(named.examples ?? {})
    .map(Number)
    .filter((status) => named.responses[status] === undefined);
  return statuses.map((status) => `${collection.api}/${named.name} has an example expecting ${status}, which its responses do not declare`);
}

const requests = collections.flatMap((collection) => Object.values(collection.requests).map((named) => ({ collection, named })));
const gaps = requests.flatMap(({ collection, named }) => gapsOf(collection, named));
const explained = new Set(gaps.filter((gap) => EXPLAINED[gap.request]).map((gap) => gap.request));
const covered = requests.length - new Set(gaps.map((gap) => gap.request)).size;

it(`covers ${covered} of ${requests.length} named requests by examples; ${explained.size} have a written reason instead`, () => {
  expect(collections.map((collection) => collection.api)).toEqual(
    expect.arrayContaining(['admin', 'authentication', 'conversations', 'media', 'notifications']),
  );
  expect(gaps.filter((gap) => !EXPLAINED[gap.request]).map((gap) => `${gap.request} lacks ${gap.missing}`)).toEqual([]);
  // A reason for a request that is covered after all, or gone, is stale.
  expect(Object.keys(EXPLAINED).filter((request) => !explained.has(request))).toEqual([]);
  expect(covered + explained.size).toBe(requests.length);
  expect(requests.flatMap(({ collection, named }) => undeclaredOf(collection, named))).toEqual([]);
});

type Case = [title: string, named: NamedRequest, status: number, example: RequestExample];

function casesOf(collection: Collection): Case[] {
  return Object.values(collection.requests).flatMap((named) =>
    Object.entries(named.examples ?? {}).map(([status, example]): Case => [`${named.name} → ${status}`, named, Number(status), example]),
  );
}

describe.each(collections.map((collection) => [collection.api, collection] as const))('%s', (_api, collection) => {
  const cases = casesOf(collection);
  // A collection with no example at all is reported by the coverage test above; it.each refuses an empty table.
  if (cases.length === 0) return;
  let shared: RunningSandbox | undefined;
  afterAll(() => shared?.close());
  it.each(cases)('%s', async (_title, named, status, example) => {
    const changesNothing = !example.setup && (named.method === 'GET' || status >= 400);
    const sandbox = changesNothing ? (shared ??= await startSandbox()) : await startSandbox();
    try {
      const answer = await new ExampleRunner(sandbox, collection).send(named, example);
      const detail = `${named.method} ${answer.url} → ${answer.status} ${JSON.stringify(answer.body)}`;
      expect({ status: answer.status, detail }).toEqual({ status, detail });
      const schemaId = named.responses[answer.status];
      if (schemaId === undefined) throw new Error(`status ${answer.status} is not declared by ${collection.api}/${named.name}: ${detail}`);
      const verdict = validateAgainst(schemaId, answer.body);
      expect({ schemaId, problems: verdict.problems }).toEqual({ schemaId, problems: [] });
    } finally {
      if (sandbox !== shared) await sandbox.close();
    }
  });
});

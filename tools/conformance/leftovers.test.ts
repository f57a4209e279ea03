// What a run killed mid-create leaves, found and removed. Against a real account, before a request
// that creates something goes out, the harness writes to the ledger how to find what it may make
// (the request's `leftovers`, harness/client/leftover-search.ts); the next run's sweep carries
// that out. Here every such request is sent to a fresh sandbox as its success example, as if the
// run died the moment the platform answered; the search it wrote is then carried out as the sweep
// would, and the sandbox must hold exactly what it held before. A create without `leftovers` needs
// a written reason, so a new create cannot slip past the sweep unnoticed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pendingUndos, UndoLedger } from '../../harness/cleanup/ledger';
import { performUndo } from '../../harness/cleanup/undo';
import { leftoverSearch } from '../../harness/client/leftover-search';
import type { NamedRequest, RequestExample } from '../../harness/client/named-request';
import { ownCollections } from '../../harness/collections';
import { startSandbox } from '../../sandbox';
import { ExampleRunner, successOf } from './send-example';

// An imported collection undoes what it creates through its suite's lifecycle (tools/postman/import/lifecycle.ts).
const collections = ownCollections();

/** Creates that declare no `leftovers`, and why none can outlive a killed run. */
const NO_LEFTOVERS: Record<string, string> = {
  'admin/POST User Tag': 'the suites tag only users they create, and a user’s tags go with the user',
  'admin/POST Group Member': 'a membership goes with its group, which has leftovers of its own',
  'authentication/POST Authorize': 'an authorization code expires by itself within minutes (AUTH-SPEC)',
  'authentication/POST Authorization Code Token': 'a token grant makes nothing that outlives the token',
  'authentication/POST Application':
    'the suites send it only where the platform refuses it (an account admin, or behind an injected 503), and the API has no way to delete one',
  'conversations/POST Participant': 'a participant goes with its conversation, which has leftovers of its own',
  'conversations/POST Message': 'a message goes with its conversation, which has leftovers of its own',
  'media/POST Conference Action': 'an action on a conference: the recording it starts is found by the conference’s leftovers (`then`)',
  'media/POST Participant': 'a participant goes with its conference, which has leftovers of its own',
  'media/POST Participant Connection': 'join details of a participant, who goes with the conference',
};

/** Steps sent after the create, so that undoing it leaves something in turn for its `then` to find. */
const THEN_STEPS: Record<string, Array<[request: string, example: RequestExample]>> = {
  'media/POST Conference': [
    ['POST Participant Connection', { vars: { participantId: '{{primaryUserId}}' } }],
    ['POST Conference Action', { vars: { action: 'record' } }],
  ],
};

const requests = collections.flatMap((collection) =>
  Object.values(collection.requests).map((named) => ({ collection, named, key: `${collection.api}/${named.name}` })),
);
const creates = requests.filter(({ named }) => named.method === 'POST' && !named.safe && Object.keys(named.responses).some((status) => Number(status) < 300));

it(`every one of the ${creates.length} creates says how a killed run's leftover is found, or why there is none`, () => {
  const unexplained = creates.filter(({ named, key }) => !named.leftovers && !NO_LEFTOVERS[key]).map(({ key }) => key);
  expect(unexplained).toEqual([]);
  const stale = Object.keys(NO_LEFTOVERS).filter((key) => !creates.some((create) => create.key === key && !create.named.leftovers));
  expect(stale).toEqual([]);
});

const withLeftovers = requests.filter(({ named }) => named.leftovers).map(({ collection, named, key }) => [key, collection, named] as const);

it.each(withLeftovers)('%s: the search written before the send finds what it made, and the sweep removes it', async (key, collection, named) => {
  const sandbox = await startSandbox();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leftovers-'));
  try {
    const runner = new ExampleRunner(sandbox, collection);
    const request = (name: string): NamedRequest => {
      const found = collection.requests[name];
      if (!found) throw new Error(`${key}: ${collection.api} has no request "${name}"`);
      return found;
    };
    const [status, example] = successOf(named) ?? [];
    if (!status || !example) throw new Error(`${key} has leftovers but no success example to make one with`);
    const before = sandbox.inventory();

    const made = await runner.send(named, example);
    expect(made.status).toBe(status);
    for (const [name, step] of THEN_STEPS[key] ?? []) expect((await runner.send(request(name), step)).status).toBeLessThan(300);
    expect(sandbox.inventory()).not.toEqual(before);

    const listVars = Object.fromEntries((named.leftovers?.listVars ?? []).map((name) => [name, made.variable(name) ?? '']));
    const test = { name: 'killed mid-create', intents: [] as string[] };
    leftoverSearch(named, { ledger: new UndoLedger(dir), api: collection.api, test, vars: listVars })?.({
      method: named.method,
      url: made.url,
      headers: {},
      body: made.sentJson,
    });
    const [search, ...more] = pendingUndos(dir);
    expect(more).toEqual([]);
    if (!search) throw new Error(`${key}: its body carries no ${named.leftovers?.match}, so no search was written`);
    await performUndo(search, collection.requests, (undo, options) => runner.send(undo, { vars: options.vars, query: options.query, json: options.json }));

    expect(sandbox.inventory()).toEqual(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.close();
  }
});

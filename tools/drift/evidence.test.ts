// Drift by evidence: what every recording of a request showed decides what a live answer may not
// lose or retype, even where the schema calls a field optional.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Exchange } from '../../harness/client/exchange';
import { compareExchange } from './compare';
import { addEvidence, breaksWithEvidence, emptyEvidence } from './shape';
import { recordedEvidence } from '.';

const user = (extra: Record<string, unknown> = {}) => ({ userId: 'u1', name: 'Alex', displayName: 'Alex A', count: 2, ...extra });
const page = (...items: unknown[]) => ({ count: items.length, _embedded: { items } });
const evidenceOf = (...answers: unknown[]) =>
  answers.reduce((evidence: ReturnType<typeof emptyEvidence>, answer) => addEvidence(evidence, answer), emptyEvidence());

describe('breaksWithEvidence', () => {
  it('finds nothing when the live answer has what every recording had, whatever the values', () => {
    expect(breaksWithEvidence(evidenceOf(user(), user({ name: 'Sam' })), user({ name: 'Uma', count: 7 }))).toEqual([]);
  });

  it('calls a field every recording had and the live answer lacks removed: a camelCase → snake_case rename', () => {
    const { displayName, ...rest } = user();
    expect(breaksWithEvidence(evidenceOf(user(), user()), { ...rest, display_name: displayName })).toEqual([
      expect.objectContaining({ change: 'removed', path: 'displayName' }),
    ]);
  });

  it('leaves alone a field some recordings lacked too', () => {
    const { displayName: _optional, ...rest } = user();
    expect(breaksWithEvidence(evidenceOf(user(), rest), rest)).toEqual([]);
  });

  it('finds a field removed inside list items: gone from every one, where enough items were recorded', () => {
    const { displayName: _gone, ...bare } = user();
    expect(breaksWithEvidence(evidenceOf(page(user(), user()), page(user())), page(bare, bare))).toEqual([
      expect.objectContaining({ change: 'removed', path: '_embedded.items[].displayName', live: 'missing in 2 of 2' }),
    ]);
  });

  it('takes a field one or two recorded list items had as no evidence yet: they were whatever the account held', () => {
    const { displayName: _gone, ...bare } = user();
    expect(breaksWithEvidence(evidenceOf(page(user(), user())), page(bare))).toEqual([]);
  });

  it('leaves alone one list item without a field others have: the account’s data, not the contract', () => {
    const { displayName: _none, ...bare } = user();
    expect(breaksWithEvidence(evidenceOf(page(user(), user())), page(user(), bare))).toEqual([]);
  });

  it('says nothing about list items when the live list is empty', () => {
    expect(breaksWithEvidence(evidenceOf(page(user())), page())).toEqual([]);
  });

  it('calls an integer that became a fraction retyped, but not a whole number where fractions were seen', () => {
    const counts = [1, 2, 3, 4, 5].map((count) => user({ count }));
    expect(breaksWithEvidence(evidenceOf(...counts), user({ count: 2.5 }))).toEqual([
      { change: 'retyped', path: 'count', recorded: 'integer', live: 'number' },
    ]);
    expect(breaksWithEvidence(evidenceOf(user({ count: 0.5 })), user({ count: 1 }))).toEqual([]);
  });

  it('does not call a fraction a retype where whole numbers were recorded only a few times (they may be chance)', () => {
    expect(breaksWithEvidence(evidenceOf(user({ count: 3 }), user({ count: 4 })), user({ count: 3.2 }))).toEqual([]);
  });

  it('does not call null a retype, and names a removed object once', () => {
    const evidence = evidenceOf({ party: { a: 1, b: 2 }, endTime: 'x' });
    expect(breaksWithEvidence(evidence, { endTime: null })).toEqual([expect.objectContaining({ change: 'removed', path: 'party' })]);
  });
});

describe('compareExchange with evidence', () => {
  const exchange = (body: unknown): Exchange => ({
    name: 'GET User',
    request: { method: 'GET', url: '{{admin_url}}/users/u1', headers: {} },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body },
  });

  it('reports a rename of an always-sent field as breaking where the shape alone calls it additive', () => {
    const { displayName, ...rest } = user();
    const live = exchange({ ...rest, display_name: displayName });
    const without = compareExchange({ file: 'f', test: 't' }, exchange(user()), live, undefined);
    const withEvidence = compareExchange({ file: 'f', test: 't' }, exchange(user()), live, undefined, evidenceOf(user()));
    expect(without.filter((f) => f.severity === 'breaking')).toEqual([]);
    expect(withEvidence.filter((f) => f.severity === 'breaking')).toEqual([expect.objectContaining({ kind: 'field-removed', path: 'displayName' })]);
  });

  it('reports a type change against the recording of the same test as breaking', () => {
    const findings = compareExchange({ file: 'f', test: 't' }, exchange(user()), exchange(user({ name: 42 })), undefined);
    expect(findings).toEqual([expect.objectContaining({ kind: 'field-retyped', severity: 'breaking', path: 'name' })]);
  });
});

describe('recordedEvidence', () => {
  it('files every recorded answer by suite, status and request, inbound messages left out', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'evidence-'));
    try {
      mkdirSync(path.join(root, 'suites', 'admin', '__fixtures__'), { recursive: true });
      const answer = (body: unknown, inbound?: true) => ({
        name: 'GET User',
        request: { method: 'GET', url: 'u', headers: {} },
        response: { status: 200, headers: {}, body },
        ...(inbound ? { inbound } : {}),
      });
      const fixture = { provenance: {}, tests: { one: [answer(user())], two: [answer(user({ extra: true })), answer({ webhook: 1 }, true)] } };
      writeFileSync(path.join(root, 'suites', 'admin', '__fixtures__', 'users.json'), JSON.stringify(fixture));

      const evidence = recordedEvidence(root).get('admin 200 GET User');
      expect(evidence?.objects.get('')).toBe(2);
      expect(evidence?.fields.get('extra')?.present).toBe(1);
      expect(evidence?.fields.has('webhook')).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

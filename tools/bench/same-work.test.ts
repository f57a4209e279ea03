// The bench's Newman comparison is only worth its ratio when both sides did the same work. Proven
// here on a tiny collection, really run in Newman and then through the harness (one pass each, each
// against its own fresh sandbox): same count, same methods and URLs in the same order, the harness
// using the ids its own sandbox gave it. The pairing rules are checked on their own below. No timing
// is asserted: speed is the bench's to measure.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NamedRequest } from '../../harness';
import { discoverCollections, type CollectionEntry } from '../../harness/collections';
import { exportAll } from '../postman/export';
import { runNewmanSummary } from '../postman/newman';
import type { HarnessCollectionRun } from './harness-side';
import { compare, harnessPass, newmanPass, type NewmanPass } from './newman';
import { loopbackAgents, type NewmanCollectionRun } from './newman-side';
import { matchTemplate, Pairing, sequenceDifferences, withoutOrigin } from './same-work';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the same work on a tiny collection: Newman, then the harness', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-same-work-'));
  const notifications = discoverCollections(ROOT, ['notifications'])[0] as CollectionEntry;
  const keep = ['POST Subscription', 'GET Subscription', 'DELETE Subscription'];
  const requests = Object.fromEntries(keep.map((name) => [name, (notifications.collection.requests as Record<string, NamedRequest>)[name] as NamedRequest]));
  const tiny: CollectionEntry = { ...notifications, collection: { ...notifications.collection, name: 'Tiny', requests } };
  let newman: NewmanPass;
  let harness: HarnessCollectionRun[];

  beforeAll(async () => {
    exportAll({ entries: [tiny], outDir: work, rootDir: ROOT });
    newman = await newmanPass([path.join(work, 'Tiny.postman_collection.json')]);
    harness = await harnessPass(newman, [tiny.collection], ROOT);
  }, 60_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Ids differ between the two sandboxes; the shape of each request must not.
  const shape = (method: string, url: string) => `${method} ${withoutOrigin(url).replace(/[0-9a-f]{32}|[0-9a-f-]{36}/g, ':id')}`;
  const expected = [
    'POST /authentication/2017-09-01/token',
    'POST /notifications/2017-09-01/subscriptions',
    'GET /notifications/2017-09-01/subscriptions/:id',
    'DELETE /notifications/2017-09-01/subscriptions/:id',
  ];

  it('sends the same number of requests, with the same methods and URLs in the same order', () => {
    const [run] = newman.runs as [NewmanCollectionRun];
    const [own] = harness as [HarnessCollectionRun];

    expect(run.requests).toBe(4);
    expect(own.requests).toBe(4);
    expect(run.exchanges.map((e) => shape(e.sent.method, e.sent.url))).toEqual(expected);
    expect(own.sent.map((s) => shape(s.method, s.url))).toEqual(expected);
    expect(own.differences).toEqual([]);
  });

  it('has the harness use the subscription its own sandbox made, and get the statuses Newman got', () => {
    const [run] = newman.runs as [NewmanCollectionRun];
    const [own] = harness as [HarnessCollectionRun];
    const idIn = (url: string) => url.split('/').pop();

    expect(idIn((own.sent[2] as { url: string }).url)).not.toBe(idIn((run.exchanges[2] as { sent: { url: string } }).sent.url));
    expect(run.exchanges.map((e) => e.status)).toEqual([201, 201, 200, 200]);
    expect(own.statusDifferences).toEqual([]);
    expect(run.exchanges.every((e) => new URL(e.sent.url).hostname === '127.0.0.1')).toBe(true);
  });

  it('gives a ratio for it, and the counts it was given', () => {
    const result = compare(['Tiny'], newman.runs, harness);

    expect(result.noRatio).toBeUndefined();
    expect(typeof result.perRequestRatio).toBe('number');
    expect([result.newman.requests, result.harness.requests]).toEqual([4, 4]);
  });
});

describe('no ratio for different work', () => {
  const newmanRun = (count: number): NewmanCollectionRun => ({ wallMs: 100, requests: count, failures: 0, exchanges: [] });
  const harnessRun = (count: number, differences: string[] = []): HarnessCollectionRun => ({
    wallMs: 10,
    requests: count,
    contractBreaches: 0,
    differences,
    statusDifferences: [],
    sent: [],
  });

  it('refuses a ratio when the counts differ, and says both counts', () => {
    const result = compare(['Admin'], [newmanRun(10)], [harnessRun(12, ['Newman sent 10 requests, the harness 12'])]);

    expect(result.perRequestRatio).toBeNull();
    expect(result.noRatio).toContain('Newman sent 10 requests, the harness 12');
  });

  it('refuses a ratio when an answer has another status than Newman got', () => {
    const result = compare(['Admin'], [newmanRun(1)], [{ ...harnessRun(1), statusDifferences: ['GET User: 200 → 404'] }]);

    expect(result.perRequestRatio).toBeNull();
    expect(result.noRatio).toContain('Admin: status of GET User: 200 → 404');
  });

  it('refuses a ratio when a request differs, even with equal counts', () => {
    const differences = sequenceDifferences(
      [{ method: 'GET', url: 'http://127.0.0.1:1/a/2017-09-01/users' }],
      [{ method: 'DELETE', url: 'http://127.0.0.1:2/a/2017-09-01/users' }],
      withoutOrigin,
    );
    const result = compare(['Admin'], [newmanRun(1)], [harnessRun(1, differences)]);

    expect(differences).toEqual(['request 1: Newman sent GET /a/2017-09-01/users, the harness DELETE /a/2017-09-01/users']);
    expect(result.perRequestRatio).toBeNull();
    expect(result.noRatio).toContain('Admin: request 1');
  });
});

describe('the pairing rules', () => {
  const named = (url: string): NamedRequest => ({ name: 'GET Call', method: 'GET', url, responses: {} });

  it('reads variables back from a sent URL, leaving dynamic ones to the harness', () => {
    expect(matchTemplate('{{media_url}}/calls/{{callId}}?n={{$guid}}', 'http://h/media/calls/7?n=abc')).toEqual({ media_url: 'http://h/media', callId: '7' });
    expect(matchTemplate('{{media_url}}/calls', 'http://h/admin/users')).toEqual({});
  });

  it('gives the harness its own value where Newman used an earlier answer, in the same form', () => {
    const pairing = new Pairing({ newman: { media_url: 'http://n/media' }, harness: { media_url: 'http://h/media' } });
    pairing.answered({ callId: 'endpoints/203/calls/3' }, { callId: 'endpoints/203/calls/1' });

    const leg = pairing.varsFor(named('{{media_url}}/calls/{{callId}}'), { method: 'GET', url: 'http://n/media/calls/3', headers: {} });
    const whole = pairing.varsFor(named('{{media_url}}/calls/{{callId}}'), {
      method: 'GET',
      url: 'http://n/media/calls/endpoints%2F203%2Fcalls%2F3',
      headers: {},
    });

    expect(leg).toEqual({ media_url: 'http://h/media', callId: '1' });
    expect(whole).toEqual({ media_url: 'http://h/media', callId: 'endpoints%2F203%2Fcalls%2F1' });
    // Put back in Newman's terms segment by segment: the "1" of the leg does not touch the API version.
    expect(pairing.inNewmanTerms('http://h/media/2017-09-01/calls/1')).toBe('/media/2017-09-01/calls/3');
  });
});

describe("Newman's agents", () => {
  // 127.0.0.2 is loopback too: were the guard broken, nothing would leave the machine.
  it('refuse any host but 127.0.0.1, before connecting', async () => {
    const agents = loopbackAgents();
    const error = await new Promise<Error>((resolve) => {
      http.get({ host: '127.0.0.2', port: 9, path: '/', agent: agents.http }).on('error', resolve);
    });
    agents.http.destroy();

    expect(error.message).toBe('The bench lets Newman connect to 127.0.0.1 only, not to 127.0.0.2.');
  });

  it('make Newman fail a request to another host instead of sending it', async () => {
    const collection = {
      info: { name: 'Elsewhere', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'GET Elsewhere', request: { method: 'GET', url: 'http://127.0.0.2:9/anything' } }],
    };
    const agents = loopbackAgents();
    const { summary } = await runNewmanSummary({ collection, requestAgents: agents });
    agents.http.destroy();

    expect(summary.run.failures.map((f) => (f.error as { message?: string }).message)).toEqual([
      'The bench lets Newman connect to 127.0.0.1 only, not to 127.0.0.2.',
    ]);
  }, 30_000);
});

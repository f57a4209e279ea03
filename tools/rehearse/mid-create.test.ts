// The rehearsal kills one run per create that declares leftovers, while the sandbox holds that
// create's answer: the fault must aim at the route the collection sends it to.
import { createTargets } from './mid-create';

describe('createTargets', () => {
  const targets = createTargets();

  it('holds the answer of the next create of each kind that declares leftovers, on its own route', () => {
    expect(Object.fromEntries(targets.map(({ label, fault }) => [label, `${String(fault.service)} ${String(fault.method)} ${fault.path}`]))).toEqual({
      'admin POST User': 'admin POST /accounts/*/users',
      'admin POST Site': 'admin POST /accounts/*/sites',
      'admin POST Group': 'admin POST /accounts/*/groups',
      'admin POST Contact': 'admin POST /accounts/*/contacts',
      'conversations POST Conversation': 'chat POST /conversations',
      'media POST Make Call': 'media POST /endpoints/*/calls',
      'media POST Conference': 'media POST /conferences',
      'notifications POST Subscription': 'notifications POST /subscriptions',
    });
  });

  it('holds one answer each, long enough that the run is killed before it is released', () => {
    for (const { fault } of targets) expect(fault).toMatchObject({ kind: 'hold-answer', next: 1, ms: expect.any(Number) });
    expect(Math.min(...targets.map(({ fault }) => fault.ms))).toBeGreaterThanOrEqual(60_000);
  });
});

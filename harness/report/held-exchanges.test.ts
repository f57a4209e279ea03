import type { Circus } from '@jest/types';
import { FULL_EXCHANGES_PER_FAILURE, holdExchange, markExchangeReleaseHooked, releaseExchanges, VERBOSE_VARIABLE } from './held-exchanges';
import type { ExchangeDetail, ExchangeMetric } from './metrics';
import { reportTestEvent } from './test-events';
import { describePathOf } from './describe-path';

const metric = (name: string): ExchangeMetric => ({
  kind: 'exchange',
  file: 'f.test.ts',
  test: 't',
  name,
  method: 'GET',
  url: '/x',
  status: 200,
  ms: 1,
  harnessMs: 0,
});
const detail: ExchangeDetail = { url: '/x', requestHeaders: {}, responseHeaders: {} };

describe('exchanges held until the test is done', () => {
  const saved = process.env[VERBOSE_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[VERBOSE_VARIABLE];
    else process.env[VERBOSE_VARIABLE] = saved;
  });

  function held(count: number) {
    const holder = {};
    const written: ExchangeMetric[] = [];
    const built: string[] = [];
    markExchangeReleaseHooked(holder);
    for (let i = 1; i <= count; i++) {
      holdExchange(
        metric(`R${i}`),
        () => {
          built.push(`R${i}`);
          return detail;
        },
        holder,
        (m) => written.push(m),
      );
    }
    return { holder, written, built };
  }

  it('writes nothing and builds no detail while the test runs', () => {
    delete process.env[VERBOSE_VARIABLE];
    const { written, built } = held(3);
    expect(written).toEqual([]);
    expect(built).toEqual([]);
  });

  it('writes a passing test’s exchanges without building their detail', () => {
    delete process.env[VERBOSE_VARIABLE];
    const { holder, written, built } = held(3);
    releaseExchanges(holder, false, (m) => written.push(m));
    expect(written.map((m) => [m.name, m.detail])).toEqual([
      ['R1', undefined],
      ['R2', undefined],
      ['R3', undefined],
    ]);
    expect(built).toEqual([]);
  });

  it('builds the detail of a failing test’s last exchanges only, those the terminal shows in full', () => {
    delete process.env[VERBOSE_VARIABLE];
    const { holder, written, built } = held(4);
    releaseExchanges(holder, true, (m) => written.push(m));
    expect(FULL_EXCHANGES_PER_FAILURE).toBe(2);
    expect(built).toEqual(['R3', 'R4']);
    expect(written.map((m) => m.detail !== undefined)).toEqual([false, false, true, true]);
    // Released once: the next test starts with nothing held.
    releaseExchanges(holder, true, (m) => written.push(m));
    expect(written).toHaveLength(4);
  });

  it('builds every detail at once with --verbose, which prints them all', () => {
    process.env[VERBOSE_VARIABLE] = '1';
    const { written, built } = held(2);
    expect(built).toEqual(['R1', 'R2']);
    expect(written.every((m) => m.detail === detail)).toBe(true);
  });

  it('writes at once, detail included, where no environment would release them', () => {
    delete process.env[VERBOSE_VARIABLE];
    const written: ExchangeMetric[] = [];
    holdExchange(
      metric('R1'),
      () => detail,
      {},
      (m) => written.push(m),
    );
    expect(written).toEqual([{ ...metric('R1'), detail }]);
  });
});

describe('the test events the report listens to', () => {
  const root = { name: 'ROOT_DESCRIBE_BLOCK' } as Circus.DescribeBlock;
  const scenario = { name: 'Scenario: admin', parent: root } as Circus.DescribeBlock;
  const step = { name: 'creates a user', parent: scenario, errors: [] as unknown[] } as Circus.TestEntry;

  it('reads a test’s describes outermost first, without jest’s root block', () => {
    const inner = { name: 'when the email is taken', parent: scenario } as Circus.DescribeBlock;
    expect(describePathOf({ ...step, parent: inner } as Circus.TestEntry)).toEqual(['Scenario: admin', 'when the email is taken']);
    expect(describePathOf({ ...step, parent: root } as Circus.TestEntry)).toEqual([]);
  });

  it('releases the exchanges of a test that failed with their detail, at test_done', () => {
    const holder = {};
    reportTestEvent({ name: 'test_start', test: step } as Circus.Event, holder);
    let built = 0;
    holdExchange(
      metric('R1'),
      () => (built++, detail),
      holder,
      () => undefined,
    );
    expect(built).toBe(0);
    reportTestEvent({ name: 'test_done', test: { ...step, errors: [new Error('boom')] } } as unknown as Circus.Event, holder);
    expect(built).toBe(1);
  });
});

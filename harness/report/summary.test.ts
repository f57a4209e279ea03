import type { Metric } from './metrics';
import { formatSummary, summarise } from './summary';

const exchange = (name: string, ms: number, harnessMs = 0.5): Metric => ({
  kind: 'exchange',
  file: 'suites/authentication/token.test.ts',
  test: 'POST Token returns 201',
  name,
  method: 'POST',
  url: '{{auth_url}}/token',
  status: 201,
  ms,
  harnessMs,
});

describe('summarise', () => {
  const metrics: Metric[] = [
    exchange('POST Token', 2),
    exchange('GET Token', 6, 1.5),
    { kind: 'test', file: 'f', test: 't1', assertions: 3 },
    { kind: 'test', file: 'f', test: 't2', assertions: 4 },
    { kind: 'transport-failure', file: 'f', test: 't2', name: 'GET Token', message: 'reset' },
  ];

  it('counts requests, failed requests, assertions and tests', () => {
    const summary = summarise(metrics, 1, 2);

    expect(summary.requests).toEqual({ executed: 2, failed: 1 });
    expect(summary.assertions).toEqual({ executed: 7, failed: 1 });
    expect(summary.tests).toEqual({ executed: 2, failed: 1 });
  });

  it('computes response-time statistics and names the slowest request', () => {
    const summary = summarise(metrics, 0, 2);

    expect(summary.responseMs).toEqual({ average: 4, min: 2, max: 6, sd: 2 });
    expect(summary.slowest).toEqual({ name: 'GET Token', url: '{{auth_url}}/token', ms: 6 });
    expect(summary.harnessMsPerRequest).toBe(1);
  });

  it('prints a Newman-like table', () => {
    const text = formatSummary(summarise(metrics, 1, 2), 1234);

    expect(text).toMatch(/│\s+requests │\s+2 │\s+1 │/);
    expect(text).toContain('total run duration: 1.23 s');
    expect(text).toContain('slowest request: GET Token');
  });

  it('survives a run without requests', () => {
    expect(summarise([], 0, 0).responseMs).toEqual({ average: 0, min: 0, max: 0, sd: 0 });
  });
});

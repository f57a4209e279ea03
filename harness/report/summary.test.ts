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

  it('counts resets a passing, non-flaky test provoked as deliberate, and explains them', () => {
    const failure = (test: string): Metric => ({ kind: 'transport-failure', file: 'r', test, name: 'GET Token', message: 'reset' });
    const retry = (test: string): Metric => ({ kind: 'retry', file: 'r', test, name: 'GET Token', attempt: 1, reason: 'no answer', delayMs: 0 });
    const all: Metric[] = [
      exchange('GET Token', 1),
      failure('resilience passes'),
      retry('resilience passes'),
      failure('flaky passes'),
      retry('flaky passes'),
      { kind: 'flaky', file: 'r', test: 'flaky passes', retries: ['x'] },
      failure('broken fails'),
    ];
    const status = new Map([
      ['r#resilience passes', 'passed'],
      ['r#flaky passes', 'passed'],
      ['r#broken fails', 'failed'],
    ]);
    const summary = summarise(all, 1, 3, { status, skipped: 4, failedAssertions: 2 });
    expect(summary.requests).toEqual({ executed: 1, failed: 2 });
    expect(summary.deliberateFailures).toBe(1);
    expect(summary.retries).toEqual({ total: 2, expected: 1 });
    expect(summary.assertions.failed).toBe(2);
    const text = formatSummary(summary, 1000);
    expect(text).toMatch(/│\s+failed on purpose │\s+1 │\s+— │/);
    expect(text).toMatch(/│\s+skipped tests │\s+4 │\s+— │/);
    expect(text).toContain('1 request(s) failed on purpose');
    expect(text).toContain('retries: 2 (1 provoked on purpose, 1 not: those tests are marked flaky)');
  });

  it("takes the client's word for an expected retry", () => {
    const retry: Metric = { kind: 'retry', file: 'r', test: 't', name: 'GET Token', attempt: 1, reason: 'status 503', delayMs: 0, expected: true };
    expect(summarise([retry], 0, 1).retries).toEqual({ total: 1, expected: 1 });
  });
});

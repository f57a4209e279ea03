// The terminal shows an exchange in full (headers, bodies, masked and cut) only under a failing
// test, or with --verbose. Building that detail costs more than the rest of reporting an exchange
// (the secrets masked field by field), so a passing test should not pay for it. The test side holds
// each exchange's metric with a way to build its detail; when jest says the test is done, the
// suites' environment releases them: the detail built for the last ones of a failing test only.
// This is the one place that decides: the progress reporter shows in full what carries a detail.
import type { ExchangeDetail, ExchangeMetric } from './metrics';
import { writeMetric } from './metrics';

const HELD = Symbol.for('cloudlink.held-exchanges');
const HOOKED = Symbol.for('cloudlink.exchange-release-hooked');

/** A failing test shows this many of its last exchanges in full; the earlier ones as one line each. */
export const FULL_EXCHANGES_PER_FAILURE = 2;

export const VERBOSE_VARIABLE = 'CLOUDLINK_VERBOSE';

type Holder = Record<symbol, unknown>;
type Write = (metric: ExchangeMetric) => void;

interface HeldExchange {
  metric: ExchangeMetric;
  detail: () => ExchangeDetail;
}

/**
 * Test side, for each exchange a test sent. With --verbose every detail is printed, so it is
 * built now; so it is when no environment releases held exchanges (a plain jest environment),
 * lest they never reach the terminal: there every exchange is shown in full.
 */
export function holdExchange(metric: ExchangeMetric, detail: () => ExchangeDetail, holder: object = globalThis, write: Write = writeMetric): void {
  const hooked = (holder as Holder)[HOOKED] === true;
  if (!hooked || process.env[VERBOSE_VARIABLE] === '1') {
    write({ ...metric, detail: detail() });
    return;
  }
  heldOn(holder).push({ metric, detail });
}

/** Environment side: set once its event hook runs, before any test. */
export function markExchangeReleaseHooked(holder: object): void {
  (holder as Holder)[HOOKED] = true;
}

/** Environment side, at test_done (and at the end of the file, for anything left): writes the held metrics. */
export function releaseExchanges(holder: object, failed: boolean, write: Write = writeMetric): void {
  const held = heldOn(holder).splice(0);
  held.forEach((entry, index) => {
    const full = failed && index >= held.length - FULL_EXCHANGES_PER_FAILURE;
    write(full ? { ...entry.metric, detail: entry.detail() } : entry.metric);
  });
}

function heldOn(holder: object): HeldExchange[] {
  const existing = (holder as Holder)[HELD] as HeldExchange[] | undefined;
  if (existing) return existing;
  const created: HeldExchange[] = [];
  (holder as Holder)[HELD] = created;
  return created;
}

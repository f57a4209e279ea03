// Step: report. Every exchange a test sends is scrubbed once, kept for the fixture file (record) or
// the drift capture, attached to the Allure report as a step as long as the request, and counted
// in the run's metrics. What the terminal shows of it in full is built only if it will be shown
// (harness/report/held-exchanges.ts). Outside a test (global setup, the sweep) there is nothing to
// attach it to, and nothing is kept.
import { performance } from 'node:perf_hooks';
import { keepExchange, keepScrubbed } from '../client/keep-exchange';
import type { Exchange } from '../client/exchange';
import { toUrlTemplate } from '../fixtures/url-template';
import { exchangeDetail, terminalUrl } from '../report/exchange-detail';
import { holdExchange } from '../report/held-exchanges';
import type { ExchangeMetric } from '../report/metrics';
import { requestOf, type Step } from './types';

export const report: Step = async (outgoing, context, next) => {
  const started = performance.now();
  const start = epochNow();
  const answer = await next(outgoing);
  const timing = { start, stop: epochNow() };
  const test = context.test;
  if (!test) return answer;
  const request = requestOf(outgoing);
  const name = outgoing.named.name;
  let raw: Exchange;
  let scrubbed: Exchange;
  // A curl command in the report wants the real base URLs; replay has only the fake replay origin.
  const curlBaseUrls = context.env.mode === 'replay' ? undefined : context.baseUrls;
  if (answer.recorded) {
    raw = scrubbed = answer.recorded;
    await keepScrubbed(test, context.file, scrubbed, answer.ms, curlBaseUrls, timing);
  } else {
    const { recorded: _none, ms: _ms, ...response } = answer;
    raw = { name, request: { ...request, url: toUrlTemplate(request.url, context.baseUrls) }, response };
    scrubbed = await keepExchange(test, context.file, raw, answer.ms, curlBaseUrls, timing);
  }
  const metric: ExchangeMetric = {
    kind: 'exchange',
    file: context.file?.relativePath ?? '',
    test: test.name,
    name,
    method: request.method,
    url: scrubbed.request.url,
    status: answer.status,
    ms: answer.ms,
    harnessMs: performance.now() - started - answer.ms,
  };
  const lineUrl = terminalUrl(raw, scrubbed, test.scrubber, test.identifiers);
  if (lineUrl !== undefined) metric.terminalUrl = lineUrl;
  const { scrubber, identifiers } = test;
  holdExchange(metric, () => exchangeDetail(raw, scrubbed, scrubber, identifiers));
  return answer;
};

/** Milliseconds since the epoch, finer than Date.now(): the report's step times. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

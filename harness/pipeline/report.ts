// Step: report. Every exchange a test sends is scrubbed once, kept for the fixture file (record) or
// the drift capture, attached to the Allure report as a step as long as the request, and counted
// in the run's metrics.
// Outside a test (global setup, the sweep) there is nothing to attach it to, and nothing is kept.
import { performance } from 'node:perf_hooks';
import { keepExchange, keepScrubbed } from '../client/keep-exchange';
import { toUrlTemplate } from '../fixtures/url-template';
import { exchangeDetail } from '../report/exchange-detail';
import { writeMetric, type ExchangeDetail } from '../report/metrics';
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
  let url: string;
  let detail: ExchangeDetail;
  // A curl command in the report wants the real base URLs; replay has only the fake replay origin.
  const curlBaseUrls = context.env.mode === 'replay' ? undefined : context.baseUrls;
  if (answer.recorded) {
    await keepScrubbed(test, context.file, answer.recorded, answer.ms, curlBaseUrls, timing);
    url = answer.recorded.request.url;
    detail = exchangeDetail(answer.recorded, answer.recorded, test.scrubber, test.identifiers);
  } else {
    const { recorded: _none, ms: _ms, ...response } = answer;
    const raw = { name, request: { ...request, url: toUrlTemplate(request.url, context.baseUrls) }, response };
    const scrubbed = await keepExchange(test, context.file, raw, answer.ms, curlBaseUrls, timing);
    url = scrubbed.request.url;
    detail = exchangeDetail(raw, scrubbed, test.scrubber, test.identifiers);
  }
  writeMetric({
    kind: 'exchange',
    file: context.file?.relativePath ?? '',
    test: test.name,
    name,
    method: request.method,
    url,
    status: answer.status,
    ms: answer.ms,
    harnessMs: performance.now() - started - answer.ms,
    detail,
  });
  return answer;
};

/** Milliseconds since the epoch, finer than Date.now(): the report's step times. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

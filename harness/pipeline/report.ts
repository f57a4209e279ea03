// Step: report. Every exchange a test sends is scrubbed once, kept for the fixture file (record) or
// the drift capture, attached to the Allure report as a step, and counted in the run's metrics.
// Outside a test (global setup, the sweep) there is nothing to attach it to, and nothing is kept.
import { performance } from 'node:perf_hooks';
import { keepExchange, keepScrubbed } from '../client/keep-exchange';
import { toUrlTemplate } from '../fixtures/url-template';
import { writeMetric } from '../report/metrics';
import { requestOf, type Step } from './types';

export const report: Step = async (outgoing, context, next) => {
  const started = performance.now();
  const answer = await next(outgoing);
  const test = context.test;
  if (!test) return answer;
  const request = requestOf(outgoing);
  const name = outgoing.named.name;
  let url: string;
  if (answer.recorded) {
    await keepScrubbed(test, context.file, answer.recorded, answer.ms);
    url = answer.recorded.request.url;
  } else {
    const { recorded: _none, ms: _ms, ...response } = answer;
    const scrubbed = await keepExchange(test, context.file, { name, request: { ...request, url: toUrlTemplate(request.url, context.baseUrls) }, response }, answer.ms);
    url = scrubbed.request.url;
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
  });
  return answer;
};

// Puts each exchange into the Allure report as a step named after the request, lasting as long as
// the request did, with the scrubbed request and response attached; and labels the test with its
// collection and the request (or scenario) its describe is about, so the report groups by
// collection → describe. Outside allure-jest these calls are no-ops.
import { attachment, epic, feature, Status } from 'allure-js-commons';
import { getGlobalTestRuntime } from 'allure-js-commons/sdk/runtime';
import type { Parameter } from 'allure-js-commons';
import type { RuntimeMessage } from 'allure-js-commons/sdk';
import type { Exchange } from '../client/exchange';
import { curlCommand, type CurlOptions } from './curl';
import { currentDescribePath } from './describe-path';

/**
 * `fallback` (the first request the test sends) names the group only for a test written outside
 * any describe: a scenario's steps all belong to its describe, whatever they send first.
 */
export async function labelTest(collection: string, fallback: string): Promise<void> {
  await epic(collection);
  await feature(currentDescribePath()[0] ?? fallback);
}

/** When the request went out and when its answer was in, in ms since the epoch. */
export interface RequestTiming {
  start: number;
  stop: number;
}

/**
 * `exchange` is already scrubbed. With `curl` (the scrubber's known variables, and the base URLs
 * when they are worth writing out), a request the harness sent also carries a curl command whose
 * secrets and identifiers are $CLOUDLINK_… shell variables. Without `timing` (a message the API
 * sent, which arrived whole) the step is an instant.
 */
export async function reportExchange(exchange: Exchange, ms: number, curl?: CurlOptions, timing?: RequestTiming): Promise<void> {
  const title = `${exchange.name}: ${exchange.request.method} ${exchange.request.url} → ${exchange.response.status} (${ms.toFixed(1)} ms)`;
  const now = Date.now();
  // Allure keeps whole milliseconds: rounded outwards, a step never looks shorter than its request.
  // One JSON attachment holding both halves. The curl command is the step's parameter, shown as it
  // is under the step's title, where it can be copied: every attachment is a file of its own, and
  // creating a file was most of the harness's cost per request (README, Performance).
  const parameters = curl && !exchange.inbound ? [{ name: 'curl', value: curlCommand(exchange.request, curl) }] : [];
  await timedStep(title, { start: Math.floor(timing?.start ?? now), stop: Math.ceil(timing?.stop ?? now) }, parameters, async () => {
    await attachment('request and response', JSON.stringify({ request: exchange.request, response: exchange.response }, null, 2), 'application/json');
  });
}

interface MessageRuntime {
  sendMessage(message: RuntimeMessage): Promise<void>;
}

/**
 * allure-js-commons' step() stamps its own start and stop around the body; an exchange is reported
 * after its answer arrived, so the step would last as long as writing its attachments. The runtime's
 * step messages carry the times instead: the request's own.
 */
async function timedStep(name: string, timing: RequestTiming, parameters: Parameter[], body: () => Promise<void>): Promise<void> {
  const runtime = getGlobalTestRuntime() as Partial<MessageRuntime>;
  // The no-op runtime outside allure-jest sends nothing; the attachments are no-ops there too.
  if (typeof runtime.sendMessage !== 'function') return body();
  const send = (message: RuntimeMessage) => (runtime as MessageRuntime).sendMessage(message);
  await send({ type: 'step_start', data: { name, start: timing.start } });
  if (parameters.length > 0) await send({ type: 'step_metadata', data: { parameters } });
  try {
    await body();
  } catch (error) {
    await send({ type: 'step_stop', data: { status: Status.BROKEN, stop: timing.stop, statusDetails: { message: (error as Error).message } } });
    throw error;
  }
  await send({ type: 'step_stop', data: { status: Status.PASSED, stop: timing.stop } });
}

// Puts each exchange into the Allure report as a step named after the request, lasting as long as
// the request did, with the scrubbed request and response attached; and labels the test with its
// collection and the request (or scenario) its describe is about, so the report groups by
// collection → describe. Outside allure-jest these calls are no-ops.
import { epic, feature, Status } from 'allure-js-commons';
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
  const now = Date.now();
  await reportStep({
    name: `${exchange.name}: ${exchange.request.method} ${exchange.request.url} → ${exchange.response.status} (${ms.toFixed(1)} ms)`,
    // Allure keeps whole milliseconds: rounded outwards, a step never looks shorter than its request.
    start: Math.floor(timing?.start ?? now),
    stop: Math.ceil(timing?.stop ?? now),
    // Shown as it is under the step's title, where it can be copied; an attachment would be a file
    // of its own, and creating files was most of the harness's cost per request (README, Performance).
    parameters: curl && !exchange.inbound ? [{ name: 'curl', value: curlCommand(exchange.request, curl) }] : [],
    attachment: {
      name: 'request and response',
      content: JSON.stringify({ request: exchange.request, response: exchange.response }, null, 2),
      contentType: 'application/json',
    },
  });
}

interface ReportedStep {
  name: string;
  start: number;
  stop: number;
  parameters: Parameter[];
  attachment: { name: string; content: string; contentType: string };
}

interface MessageRuntime {
  sendMessage(message: RuntimeMessage): Promise<void>;
}

/**
 * A step told in the runtime's own messages. allure-js-commons' step() stamps its own start and
 * stop around its body; an exchange is reported after its answer arrived, so the step would last
 * as long as writing its attachment: the messages carry the request's own times instead. And its
 * attachment() wraps each attachment in a step of its own and sends it base64-encoded: here the
 * attachment is the step's own, sent as the text it is.
 */
async function reportStep(step: ReportedStep): Promise<void> {
  const runtime = getGlobalTestRuntime() as Partial<MessageRuntime>;
  // Outside allure-jest the runtime is a no-op one, with nothing to report to.
  if (typeof runtime.sendMessage !== 'function') return;
  const send = (message: RuntimeMessage) => (runtime as MessageRuntime).sendMessage(message);
  await send({ type: 'step_start', data: { name: step.name, start: step.start } });
  if (step.parameters.length > 0) await send({ type: 'step_metadata', data: { parameters: step.parameters } });
  const { name, content, contentType } = step.attachment;
  try {
    await send({ type: 'attachment_content', data: { name, content, encoding: 'utf8', contentType, wrapInStep: false, timestamp: step.stop } });
  } catch (error) {
    await send({ type: 'step_stop', data: { status: Status.BROKEN, stop: step.stop, statusDetails: { message: (error as Error).message } } });
    throw error;
  }
  await send({ type: 'step_stop', data: { status: Status.PASSED, stop: step.stop } });
}

// Puts each exchange into the Allure report as a step named after the request, with the scrubbed
// request and response attached, and labels the test with its collection and first request, so the
// report groups by collection → request. Outside allure-jest these calls are no-ops.
import { attachment, epic, feature, step } from 'allure-js-commons';
import type { Exchange } from '../client/exchange';
import { curlCommand, type CurlOptions } from './curl';

export async function labelTest(collection: string, firstRequest: string): Promise<void> {
  await epic(collection);
  await feature(firstRequest);
}

/**
 * `exchange` is already scrubbed. With `curl` (the scrubber's known variables, and the base URLs
 * when they are worth writing out), a request the harness sent also carries a curl command whose
 * secrets and identifiers are $CLOUDLINK_… shell variables.
 */
export async function reportExchange(exchange: Exchange, ms: number, curl?: CurlOptions): Promise<void> {
  const title = `${exchange.name}: ${exchange.request.method} ${exchange.request.url} → ${exchange.response.status} (${ms.toFixed(1)} ms)`;
  // One JSON attachment holding both halves: allure-js fsyncs every file it writes, and a second
  // file per request doubled the harness's own cost per request (measured with npm run bench).
  // The curl command is a text attachment of its own so that it can be copied as it is; the suites'
  // environment writes attachments without fsync (harness/jest/environment.ts).
  await step(title, async () => {
    await attachment('request and response', JSON.stringify({ request: exchange.request, response: exchange.response }, null, 2), 'application/json');
    if (curl && !exchange.inbound) await attachment('curl', curlCommand(exchange.request, curl), 'text/plain');
  });
}

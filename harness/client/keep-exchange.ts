// What happens to every exchange a test sees, sent or received (a webhook POST, a websocket
// frame): scrubbed once with the test's scrubber, kept for the fixture file (record) or the drift
// capture, and attached to the report. An exchange replay answered is scrubbed already: it is kept
// as it is, not scrubbed a second time.
import { reportExchange, type RequestTiming } from '../report/allure';
import type { FileState, TestState } from '../session';
import type { Exchange } from './exchange';

/**
 * `baseUrls`: for the report's curl command; without them it names $CLOUDLINK_<X>_URL instead.
 * `timing`: when a request the harness sent went out and its answer came in, for the report's step.
 */
export async function keepExchange(
  test: TestState,
  file: FileState | undefined,
  exchange: Exchange,
  wireMs: number,
  baseUrls?: Record<string, string>,
  timing?: RequestTiming,
): Promise<Exchange> {
  const scrubbed = test.scrubber.scrubExchange(exchange);
  if (exchange.inbound) scrubbed.inbound = true;
  await keepScrubbed(test, file, scrubbed, wireMs, baseUrls, timing);
  return scrubbed;
}

export async function keepScrubbed(
  test: TestState,
  file: FileState | undefined,
  scrubbed: Exchange,
  wireMs: number,
  baseUrls?: Record<string, string>,
  timing?: RequestTiming,
): Promise<void> {
  file?.recorder?.add(test.name, scrubbed, test.scrubber.sensitiveValues());
  await reportExchange(scrubbed, wireMs, { variables: test.scrubber.knownVariables(), baseUrls }, timing);
}

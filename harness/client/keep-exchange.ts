// What happens to every exchange a test sees, sent or received (a webhook POST, a websocket
// frame): scrubbed once with the test's scrubber, kept for the fixture file (record) or the drift
// capture, and attached to the report.
import { reportExchange } from '../report/allure';
import { session, type TestState } from '../session';
import type { Exchange } from './exchange';

export async function keepExchange(test: TestState, exchange: Exchange, wireMs: number): Promise<Exchange> {
  const scrubbed = test.scrubber.scrubExchange(exchange);
  if (exchange.inbound) scrubbed.inbound = true;
  session.file?.recorder?.add(test.name, scrubbed, test.scrubber.sensitiveValues());
  await reportExchange(scrubbed, wireMs);
  return scrubbed;
}

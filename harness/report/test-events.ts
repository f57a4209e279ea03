// What the suites' jest environment tells the report about each test, beside masking its failures
// (failure-events.ts): which describe the test is in, before it runs, for the report's grouping;
// and whether it failed, once it is done, which decides how much of its exchanges the terminal
// gets (held-exchanges.ts). jest-circus knows both only in the environment.
import type { Circus } from '@jest/types';
import { noteDescribePath } from './describe-path';
import { markExchangeReleaseHooked, releaseExchanges } from './held-exchanges';

/** Call from the suites' jest environment's handleTestEvent; `testGlobal` is the environment's `global`. */
export function reportTestEvent(event: Circus.Event, testGlobal: object): void {
  markExchangeReleaseHooked(testGlobal);
  switch (event.name) {
    case 'test_start':
      noteDescribePath(event.test, testGlobal);
      break;
    case 'test_done':
      releaseExchanges(testGlobal, event.test.errors.length > 0);
      break;
    case 'run_finish':
      // Exchanges of no finished test (none are expected): written rather than lost.
      releaseExchanges(testGlobal, false);
      break;
    default:
      break;
  }
}

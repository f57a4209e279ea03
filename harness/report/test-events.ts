// What the suites' jest environment tells the report about each test, beside masking its failures
// (failure-events.ts): which describe the test is in, before it runs, for the report's grouping.
// jest-circus knows it only in the environment.
import type { Circus } from '@jest/types';
import { noteDescribePath } from './describe-path';

/** Call from the suites' jest environment's handleTestEvent; `testGlobal` is the environment's `global`. */
export function reportTestEvent(event: Circus.Event, testGlobal: object): void {
  switch (event.name) {
    case 'test_start':
      noteDescribePath(event.test, testGlobal);
      break;
    default:
      break;
  }
}

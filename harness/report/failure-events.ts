// The environment side of failure masking: jest-circus keeps a test's failures as Error objects in
// `test.errors` (and a hook's in the event) until the test is done; allure-jest reads them at
// test_fn_failure and test_done, and jest-circus turns them into the failureMessages that
// jest-junit and the terminal print. Rewriting the objects in place, before allure-jest's own
// handler runs, masks every one of those outputs at once.
import type { Circus } from '@jest/types';
import { identifierPolicy } from '../redact/sharing';
import { createFailureMasker, failureMaskerOf, markFailureMaskingHooked, type FailureMasker } from './failure-masker';
import { writeMetric, type FailureTextMetric } from './metrics';
import { maskValue } from './mask-value';

type Write = (metric: FailureTextMetric) => void;

const done = new WeakSet<object>();

/**
 * Call from the suites' jest environment's handleTestEvent, before allure-jest's handler (a
 * handleTestEvent method on the subclass runs first). `testGlobal` is the environment's `global`.
 */
export function maskFailures(event: Circus.Event, state: Circus.State | undefined, testGlobal: object, write: Write = writeMetric): void {
  markFailureMaskingHooked(testGlobal);
  const errors: unknown[] = [];
  switch (event.name) {
    case 'test_fn_failure':
    case 'test_done':
      errors.push(event.test.errors);
      break;
    case 'hook_failure':
      errors.push(event.error);
      if (event.test) errors.push(event.test.errors);
      break;
    case 'run_finish':
      if (state) errors.push(state.unhandledErrors);
      break;
    default:
      return;
  }
  const masker = failureMaskerOf(testGlobal) ?? createFailureMasker(undefined, '', identifierPolicy());
  for (const entry of errors) maskEntry(entry, masker, write);
}

/** `test.errors` holds errors, or [thrown value, jest's own Error] pairs when something else was thrown. */
function maskEntry(entry: unknown, masker: FailureMasker, write: Write): void {
  if (!Array.isArray(entry)) {
    maskError(entry, masker, write);
    return;
  }
  entry.forEach((item, i) => {
    if (typeof item === 'string') entry[i] = masker.shared(item);
    else maskEntry(item, masker, write);
  });
}

function maskError(error: unknown, masker: FailureMasker, write: Write): void {
  if (error === null || typeof error !== 'object' || done.has(error)) return;
  done.add(error);
  const target = error as { message?: unknown; stack?: unknown; cause?: unknown; matcherResult?: Record<string, unknown> };
  for (const field of ['message', 'stack'] as const) {
    const text = target[field];
    if (typeof text !== 'string' || text === '') continue;
    const shared = masker.shared(text);
    const terminal = masker.terminal(text);
    try {
      target[field] = shared;
    } catch {
      continue; // a frozen error keeps its text; nothing else can be done with it here
    }
    if (terminal !== shared && masker.file !== '') write({ kind: 'failure-text', file: masker.file, shared, terminal });
  }
  // allure-jest shows a matcher's actual and expected values beside the message.
  const result = target.matcherResult;
  if (result && typeof result === 'object') {
    if (typeof result.message === 'string') result.message = masker.shared(result.message);
    if ('actual' in result) result.actual = maskValue(result.actual, masker);
    if ('expected' in result) result.expected = maskValue(result.expected, masker);
  }
  if (target.cause !== undefined) maskError(target.cause, masker, write);
}

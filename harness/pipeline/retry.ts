// Step: sends again what may be sent again (retry-policy.ts): on a reset or timeout, on 429 and on
// 502/503/504, up to the policy's attempts, waiting what the answer asks (Retry-After) or a
// jittered back-off. Inside a test each retry is noted, so a test that needed one is reported flaky.
import { maskSecrets } from '../redact/sharing';
import { writeMetric } from '../report/metrics';
import { isRetrySafe, RETRYABLE_STATUSES, retryDelayMs, retryPolicy } from './retry-policy';
import { TransportError } from './transport';
import type { Answer, Step } from './types';

export const retry: Step = async (outgoing, context, next) => {
  const { named } = outgoing;
  const policy = retryPolicy(context.env.values);
  const retrySafe = isRetrySafe(named);
  for (let attempt = 1; ; attempt++) {
    let answer: Answer | undefined;
    let failure: TransportError | undefined;
    try {
      answer = await next(outgoing);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      failure = error;
    }
    const status = answer?.status;
    const retryable = failure !== undefined || RETRYABLE_STATUSES.has(status as number);
    // A 429 says the request was refused before it was processed (RFC 6585 §4): sending it again
    // cannot create anything twice, so even a POST that creates is retried on it.
    const safe = retrySafe || status === 429;
    if (!retryable || !safe || attempt >= policy.attempts) {
      if (failure) throw failure;
      return answer as Answer;
    }
    // Replay answers at once: waiting would only slow the run down.
    const delay = context.env.mode === 'replay' ? 0 : retryDelayMs(policy, attempt, answer?.headers['retry-after']);
    const reason = failure ? `no answer (${failure.code ?? 'error'})` : `status ${(answer as Answer).status}`;
    const test = context.test;
    if (test) {
      test.retries.push(`"${named.name}" attempt ${attempt} got ${reason}; sent again after ${delay} ms`);
      const file = context.file?.relativePath ?? '';
      writeMetric({ kind: 'retry', file, test: test.name, name: named.name, attempt, reason, delayMs: delay, expected: test.retriesExpected === true });
      if (failure) writeMetric({ kind: 'transport-failure', file, test: test.name, name: named.name, message: maskSecrets(failure.message, test.scrubber) });
    } else {
      process.stderr.write(`cloudlink: "${named.name}" attempt ${attempt} got ${reason}; sending again after ${delay} ms\n`);
    }
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }
};

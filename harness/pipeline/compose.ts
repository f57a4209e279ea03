// A pipeline is a list of steps and a terminal: each step gets the outgoing send and a `next` that
// runs the rest. Every sender — a suite's client, global setup's grants, the ledger sweep, drift
// capture, the load tool — picks its steps from the same files, so retries, timeouts and masking
// hold wherever a request is sent.
import type { Answer, Outgoing, SendContext, Step, Terminal } from './types';

export type Send = (outgoing: Outgoing, context: SendContext) => Promise<Answer>;

export function compose(steps: readonly Step[], terminal: Terminal): Send {
  return (outgoing, context) => {
    const run = (index: number, current: Outgoing): Promise<Answer> => {
      const step = steps[index];
      if (!step) return terminal(current, context);
      return step(current, context, (next) => run(index + 1, next));
    };
    return run(0, outgoing);
  };
}

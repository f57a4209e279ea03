// The cases the report check looks for in the browser, each on purpose: a pass, a schema failure,
// a skip and a flaky pass. It runs only in `npm run test:report` (tools/report-check/jest.config.ts),
// live against the embedded sandbox, never in `npm test`: its failure is the point, not a bug.
// It sends the real collections' named requests, so the report groups it like any suite.
import { sandboxSwitchboard, useCollection } from '../../../harness';
import type { Claims } from '../../../types/authentication/claims';
import type { ConversationCollection } from '../../../types/conversations/conversation-collection';
import { authentication } from '../../../suites/authentication/collection';
import { conversations } from '../../../suites/conversations/collection';
import { CASES } from '../expected';

const auth = useCollection(authentication);
const chat = useCollection(conversations);

describe('GET Token', () => {
  it(CASES.passing, async () => {
    const res = await auth.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/claims');
  });

  it(CASES.failing, async () => {
    const res = await auth.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    // The sandbox answers to the contract, so the drift is made here, as a changed API would answer.
    expect({ ...res.body, accountId: 42 }).toMatchSchema('authentication/claims');
  });

  // Skipped for the report's sake: a skipped test must show as skipped, not vanish.
  it.skip(CASES.skipped, async () => {
    await auth.send('GET Token');
  });
});

describe('GET Conversations', () => {
  it(CASES.flaky, async () => {
    const switchboard = sandboxSwitchboard();
    if (!switchboard) throw new Error('The report check runs live against the embedded sandbox; its switchboard was not reachable.');
    // Aimed at this test's requests alone (the real suites run beside it), and switched off after it.
    chat.addHeadersForTest({ 'x-switchboard-tag': 'report-check' });
    await switchboard.setFaults([{ kind: 'server-error', status: 503, service: 'chat', method: 'GET', tag: 'report-check', next: 1 }]);
    chat.cleanup('switch the faults off', () => switchboard.setFaults([]));

    const res = await chat.send<ConversationCollection>('GET Conversations');

    expect(res.status).toBe(200);
    expect(chat.retries()).toHaveLength(1);
  });
});

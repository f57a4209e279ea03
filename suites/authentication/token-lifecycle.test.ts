// Scenario "Token lifecycle": access tokens that expire in the middle of a run are refreshed with
// no failed request. CloudLink access tokens live an hour (AUTH-SPEC) and a 401 is the only sign
// of expiry a client gets (shared/reference/cloudlink-api.md §2.3); the harness refreshes once per
// user however many requests hit the 401 together (single-flight), then replays each request.
//
// On the embedded sandbox the switchboard expires every token issued so far, as an hour passing
// would; against a real account the test replaces the tokens with ones the platform rejects.
// Replay plays back the recorded 401s and the one refresh per user.
import { sandboxSwitchboard, useCollection, type UserKey } from '../../harness';
import type { Claims } from '../../types/authentication/claims';
import { authentication } from './collection';

const api = useCollection(authentication);

async function expireEveryToken(): Promise<void> {
  const switchboard = sandboxSwitchboard();
  if (switchboard) {
    await switchboard.setFaults([{ kind: 'expire-tokens' }]);
    api.cleanup('switch the token fault off', () => switchboard.setFaults([]));
    return;
  }
  for (const user of ['primary', 'second'] as UserKey[]) api.replaceAccessToken(user, `expired-${user}-access-token`);
}

describe('Scenario: token lifecycle', () => {
  it('refreshes tokens that expire mid-run once per user, with every request answered', async () => {
    const warmUp = await api.send<Claims>('GET Token');
    expect(warmUp.status).toBe(200);
    const before = { primary: api.tokenRefreshes('primary'), second: api.tokenRefreshes('second') };

    await expireEveryToken();
    // Concurrent within a user (that is what single-flight is about), one user after the other:
    // replay numbers the placeholders of new tokens in the order they appear, so that order must not
    // depend on which user's refresh the network happens to finish first.
    const answers = await Promise.all([api.send<Claims>('GET Token'), api.send<Claims>('GET Token'), api.send<Claims>('GET Token')]);
    answers.push(...(await Promise.all([api.send<Claims>('GET Token', { as: 'second' }), api.send<Claims>('GET Token', { as: 'second' })])));

    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchSchema('authentication/claims');
    }
    expect(api.tokenRefreshes('primary') - before.primary).toBe(1);
    expect(api.tokenRefreshes('second') - before.second).toBe(1);
  });

  it('keeps working on the refreshed token: later requests need no further refresh', async () => {
    await expireEveryToken();
    expect((await api.send<Claims>('GET Token')).status).toBe(200);
    const afterFirst = api.tokenRefreshes('primary');

    const again = await api.send<Claims>('GET Token');

    expect(again.status).toBe(200);
    expect(again.body).toMatchSchema('authentication/claims');
    expect(api.tokenRefreshes('primary')).toBe(afterFirst);
  });
});

// The proof that a live run leaves the sandbox as it found it: global teardown compares the
// sandbox's inventory before and after, so a resource left behind (or a setting not put back)
// fails the run. Here the inventory itself is checked against a real sandbox.
import type { RunningSandbox } from '../../sandbox';
import { inventoryChanges } from './global-teardown';
import { sandboxWithToken, type SandboxWithToken } from './test-support';

let sandbox: RunningSandbox;
let send: SandboxWithToken['send'];

beforeAll(async () => {
  ({ sandbox, send } = await sandboxWithToken());
});

afterAll(() => sandbox.close());

describe('the sandbox inventory global teardown compares', () => {
  it('reports a conversation left behind, and nothing once it is deleted', async () => {
    const before = sandbox.inventory();
    const created = await send('POST', `${sandbox.urls.chat_url}/conversations`, { name: 'left behind' });
    expect(created.status).toBe(201);
    const { conversationId } = (await created.json()) as { conversationId: string };

    expect(inventoryChanges(before, sandbox.inventory())).toEqual(['chat.conversations: 0 before, 1 after']);

    expect((await send('DELETE', `${sandbox.urls.chat_url}/conversations/${conversationId}`)).status).toBe(200);
    expect(inventoryChanges(before, sandbox.inventory())).toEqual([]);
  });

  it('reports an endpoint setting changed and not put back', async () => {
    const before = sandbox.inventory();
    const url = `${sandbox.urls.media_url}/endpoints/204`;
    const original = (await (await send('GET', url)).json()) as { userAvailability: string; dnd: boolean };
    expect(original.dnd).toBe(false);

    expect((await send('PUT', url, { action: 'dnd', enabled: true })).status).toBe(200);
    expect(inventoryChanges(before, sandbox.inventory())).toEqual([expect.stringMatching(/^media\.endpointSettings: /)]);

    expect((await send('PUT', url, { action: 'dnd', enabled: false, userAvailability: original.userAvailability })).status).toBe(200);
    expect(inventoryChanges(before, sandbox.inventory())).toEqual([]);
  });

  it('names every kind of resource a suite can create', () => {
    expect(Object.keys(sandbox.inventory()).sort()).toEqual(
      expect.arrayContaining([
        'admin.users',
        'authentication.applications',
        'chat.conversations',
        'media.activeCalls',
        'media.conferences',
        'media.recordings',
        'notifications.subscriptions',
      ]),
    );
  });
});

// Conferences and their participants, following S-MEDIA's flow: create with a participant,
// list, read, rename, act on it (end, record…), delete; joining goes through /connections.
import { mediaTest, type MediaTest } from './test-support';

let media: MediaTest;
beforeEach(async () => {
  media = await mediaTest();
});
afterEach(() => media.close());

type Conference = { id: string; state: string; accessCode: string; [field: string]: unknown };
const sam = () => media.sandbox.user('second').userId;
const alex = () => media.sandbox.user('primary').userId;

async function create(body: Record<string, unknown> = {}, who: 'primary' | 'second' = 'primary'): Promise<Conference> {
  const response = await media.call('POST', '/conferences', who, body);
  if (response.statusCode !== 200) throw new Error(`create answered ${response.statusCode}: ${response.body}`);
  return response.json<Conference>();
}

describe('POST /conferences', () => {
  it('creates S-MEDIA’s conference: creator added, spec defaults, a 9-digit access code', async () => {
    const conference = await create({ name: 'status meeting cloudLink', accessCodeLength: 9, participants: [{ participantId: sam() }] });
    expect(conference).toMatchObject({
      name: 'status meeting cloudLink',
      type: 'everyoneAllowed',
      visibility: 'public',
      lobbyPolicy: 'guestLobby',
      state: 'inactive',
      createdBy: alex(),
      _links: { self: `/media/2017-09-01/conferences/${conference.id}` },
    });
    expect(conference.accessCode).toMatch(/^[1-9]\d{8}$/);
    const participants = (conference._embedded as { participants: { _embedded: { items: unknown[] } } }).participants._embedded.items;
    expect(participants).toEqual([
      expect.objectContaining({ participantId: alex(), state: 'accepted' }),
      expect.objectContaining({ participantId: sam(), state: 'invited' }),
    ]);
  });

  it('answers 400 for an unknown field or a bad accessCodeLength, 409 for a taken id', async () => {
    for (const body of [{ colour: 'red' }, { accessCodeLength: 0 }, { type: 'open' }]) {
      expect((await media.call('POST', '/conferences', 'primary', body)).statusCode).toBe(400);
    }
    await create({ id: 'weekly' });
    expect((await media.call('POST', '/conferences', 'primary', { id: 'weekly' })).statusCode).toBe(409);
  });
});

describe('reading conferences', () => {
  it('lists the newest first, filters by name and by containsAllParticipants=me', async () => {
    await create({ name: 'first' });
    await create({ name: 'second', participants: [{ participantId: sam() }] });
    const all = (await media.call('GET', '/conferences', 'primary')).json<{ _embedded: { items: Conference[] } }>();
    expect(all._embedded.items.map((item) => item.name)).toEqual(['second', 'first']);
    const named = await media.call('GET', `/conferences?$filter=${encodeURIComponent("name eq 'first'")}`, 'primary');
    expect(named.json<{ count: number }>().count).toBe(1);
    const samIn = await media.call('GET', '/conferences?containsAllParticipants=me', 'second');
    expect(samIn.json<{ _embedded: { items: Conference[] } }>()._embedded.items.map((item) => item.name)).toEqual(['second']);
  });

  it('lists a user’s conferences at /users/{userId}/conferences; a USER may ask for himself only', async () => {
    await create({ name: 'with sam', participants: [{ participantId: sam() }] });
    await create({ name: 'without sam' });
    const mine = await media.call('GET', `/users/${sam()}/conferences`, 'second');
    expect(mine.json<{ _embedded: { items: Conference[] } }>()._embedded.items.map((item) => item.name)).toEqual(['with sam']);
    expect((await media.call('GET', `/users/${alex()}/conferences`, 'second')).statusCode).toBe(403);
  });

  it('hides an inviteOnly conference from account members who are not in it (404)', async () => {
    const secret = await create({ type: 'inviteOnly' });
    expect((await media.call('GET', `/conferences/${secret.id}`, 'user')).statusCode).toBe(404);
    expect((await media.call('GET', `/conferences/${secret.id}`, 'other')).statusCode).toBe(404);
    const expanded = await media.call('GET', `/conferences/${secret.id}?$expand=tags`, 'primary');
    expect(expanded.json<{ _embedded: Record<string, unknown> }>()._embedded.tags).toMatchObject({ count: 0 });
  });
});

describe('changing conferences', () => {
  it('renames with S-MEDIA’s update body; a USER who did not create it gets 403', async () => {
    const conference = await create();
    const body = { name: 'Updated sample conference', lobbyPolicy: 'pstnLobby' };
    expect((await media.call('PUT', `/conferences/${conference.id}`, 'user', body)).statusCode).toBe(403);
    const updated = await media.call('PUT', `/conferences/${conference.id}`, 'primary', body);
    expect(updated.json()).toMatchObject(body);
  });

  it('runs join → record → stop-record → end, leaving a recording with the conference id as callId', async () => {
    const conference = await create();
    expect((await media.call('POST', `/conferences/${conference.id}`, 'primary', { action: 'record' })).statusCode).toBe(409);
    const joined = await media.call('POST', `/conferences/${conference.id}/participants/${alex()}/connections`, 'primary');
    expect(joined.json()).toMatchObject({ token: expect.any(String), mediaUrl: expect.stringMatching(/^wss:\/\/.+\.invalid\//) });
    expect((await media.call('POST', `/conferences/${conference.id}`, 'primary', { action: 'record' })).json().state).toBe('active');
    media.sandbox.advance(30);
    await media.call('POST', `/conferences/${conference.id}`, 'primary', { action: 'stop-record' });
    const ended = await media.call('POST', `/conferences/${conference.id}`, 'primary', { action: 'end' });
    expect(ended.json().state).toBe('inactive');
    const recordings = await media.call('GET', `/recordings?$filter=${encodeURIComponent(`callId eq '${conference.id}'`)}`, 'primary');
    expect(recordings.json<{ _embedded: { items: unknown[] } }>()._embedded.items).toEqual([
      expect.objectContaining({ callId: conference.id, durationInSeconds: 30 }),
    ]);
  });

  it('deletes (creator or admin only) and then answers 404', async () => {
    const conference = await create({}, 'second');
    expect((await media.call('DELETE', `/conferences/${conference.id}`, 'user')).statusCode).toBe(403);
    expect((await media.call('DELETE', `/conferences/${conference.id}`, 'primary')).statusCode).toBe(200);
    expect((await media.call('GET', `/conferences/${conference.id}`, 'second')).statusCode).toBe(404);
  });
});

describe('participants', () => {
  it('adds, reads, declines and removes a participant', async () => {
    const conference = await create();
    const base = `/conferences/${conference.id}/participants`;
    const added = await media.call('POST', base, 'primary', { participantId: sam() });
    expect(added.json()).toMatchObject({ participantId: sam(), state: 'invited', type: 'webapi' });
    expect((await media.call('POST', base, 'primary', { participantId: sam() })).statusCode).toBe(409);
    expect((await media.call('GET', `${base}/${sam()}`, 'second')).json().state).toBe('invited');
    const declined = await media.call('PUT', `${base}/${sam()}`, 'second', { action: 'leave', muted: true });
    expect(declined.json().state).toBe('rejected');
    expect((await media.call('GET', base, 'primary')).json<{ count: number }>().count).toBe(2);
    expect((await media.call('DELETE', `${base}/${sam()}`, 'primary')).statusCode).toBe(200);
    expect((await media.call('GET', `${base}/${sam()}`, 'primary')).statusCode).toBe(404);
  });

  it('lets a member join an everyoneAllowed conference himself, but not invite others', async () => {
    const conference = await create();
    const base = `/conferences/${conference.id}/participants`;
    expect((await media.call('POST', base, 'user', { participantId: sam() })).statusCode).toBe(403);
    const self = await media.call('POST', base, 'user', { participantId: media.sandbox.user('user').userId });
    expect(self.json().state).toBe('accepted');
  });

  it('keeps the creator in, and hands connection details only to the participant himself', async () => {
    const conference = await create({ participants: [{ participantId: sam() }] });
    const base = `/conferences/${conference.id}/participants`;
    expect((await media.call('DELETE', `${base}/${alex()}`, 'primary')).statusCode).toBe(409);
    expect((await media.call('POST', `${base}/${sam()}/connections`, 'primary')).statusCode).toBe(403);
  });
});

// Arrange steps the Admin suites share. Every create helper registers the deletion of what it made
// right away, whatever the test goes on to expect, so nothing outlives a failing test; deletions
// tolerate 404 because a scenario may already have deleted the thing itself. Names and emails are
// fixed per test, never random: replay compares request bodies with the recorded ones.
import type { ApiResponse, CollectionClient, SendOptions } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Contact } from '../../types/admin/contact';
import type { Group } from '../../types/admin/group';
import type { Site } from '../../types/admin/site';
import type { User } from '../../types/admin/user';
import type { UserTag } from '../../types/admin/user-tag';
import { admin } from './collection';

export type AdminClient = CollectionClient<keyof typeof admin.requests>;
type RequestName = keyof typeof admin.requests;

/**
 * A password for the users the suites create. The sandbox applies AUTH-SPEC's default password
 * rule (8 to 128 characters with a number, a lower-case and an upper-case letter; sandbox/README.md
 * "Admin"); this one meets it.
 */
export const USER_PASSWORD = 'Harness-Admin-Pass-1';

/** A user body with a name and an email of its own, `harness-admin-<slug>@example.com`. */
export function userBody(slug: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `Harness ${slug}`, email: `harness-admin-${slug}@example.com`, ...extra };
}

/** Deletes with `name` after the test; 200 or 404 (already gone) are both fine. */
function deleteAfter(api: AdminClient, name: RequestName, label: string, vars: Record<string, string>): void {
  api.undo(label, name, { vars });
}

/** Sends POST User (as the options say) and registers the user's deletion if one was created. */
export async function sendPostUser(api: AdminClient, options: SendOptions): Promise<ApiResponse<User & PlatformError>> {
  const res = await api.send<User & PlatformError>('POST User', options);
  if (res.status === 201 && res.body.userId) deleteAfter(api, 'DELETE User', `user ${res.body.userId}`, { userId: res.body.userId });
  return res;
}

/** Creates a user the test then uses; fails at once if it cannot. */
export async function createUser(api: AdminClient, json: Record<string, unknown>): Promise<User> {
  const res = await sendPostUser(api, { json });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('admin/user');
  return res.body;
}

export async function createSite(api: AdminClient, json: Record<string, unknown>): Promise<Site> {
  const res = await api.send<Site>('POST Site', { json });
  if (res.status === 201) deleteAfter(api, 'DELETE Site', `site ${res.body.siteId}`, { siteId: res.body.siteId });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('admin/site');
  return res.body;
}

export async function createGroup(api: AdminClient, json: Record<string, unknown>): Promise<Group> {
  const res = await api.send<Group>('POST Group', { json });
  if (res.status === 201) deleteAfter(api, 'DELETE Group', `group ${res.body.groupId}`, { groupId: res.body.groupId });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('admin/group');
  return res.body;
}

export async function createContact(api: AdminClient, json: Record<string, unknown>): Promise<Contact> {
  const res = await api.send<Contact>('POST Contact', { json });
  if (res.status === 201) deleteAfter(api, 'DELETE Contact', `contact ${res.body.contactId}`, { contactId: res.body.contactId });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('admin/contact');
  return res.body;
}

/** Puts a tag on a user; `as` or an Authorization header picks who does it (the primary admin by default). */
export async function createTag(
  api: AdminClient,
  userId: string,
  tagId: string,
  value: string,
  by: Pick<SendOptions, 'as' | 'headers'> = {},
): Promise<UserTag> {
  const res = await api.send<UserTag>('POST User Tag', { vars: { userId, tagId, value }, ...by });
  if (res.status === 201) {
    api.undo(`tag ${tagId} of user ${userId}`, 'DELETE User Tag', { vars: { userId, tagId }, ...by });
  }
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('admin/user-tag');
  return res.body;
}

/** Asserts a refusal: the status, the platform error shape and its name. */
export function expectError(res: ApiResponse<unknown>, status: number, name: string): PlatformError {
  expect(res.status).toBe(status);
  expect(res.body).toMatchSchema('_shared/error');
  const body = res.body as PlatformError;
  expect(body.name).toBe(name);
  return body;
}

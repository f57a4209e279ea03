// Arrange steps the chat suites share. Each one asserts its own answer (status and schema), so a
// test that fails while arranging says which step broke; every conversation started here is
// deleted after the test, even a failing one.
import type { ApiResponse, CollectionClient, SendOptions, UserKey } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Claims } from '../../types/authentication/claims';
import type { Conversation } from '../../types/conversations/conversation';
import type { Message } from '../../types/conversations/message';
import type { Participant } from '../../types/conversations/participant';
import { conversations } from './collection';

export type ChatClient = CollectionClient<keyof typeof conversations.requests>;

/** What POST Conversation may carry besides S-CHAT's flags: whom to add, and a name to find it by. */
export interface NewConversation {
  /** The users to name in originalParticipants; the creator takes part whether named or not. */
  participants?: string[];
  /** What follows "Harness chat: " in its name; the test's name when left out. */
  name?: string;
}

/** The user id of a configured user, read from GET /token as S-CHAT does (its `decodeToken`). */
export async function userIdOf(api: ChatClient, as: UserKey): Promise<string> {
  const res = await api.send<Claims>('GET Token', { as });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('authentication/claims');
  if (!res.body.userId) throw new Error(`GET Token for the ${as} user carries no userId; S-CHAT needs it to name participants.`);
  return res.body.userId;
}

/**
 * The name a conversation the harness starts carries: `label`, or the running test's name. Every
 * one has a name the harness owns, so a run killed before it wrote its undo down leaves a
 * conversation the next run's sweep finds by name (the collection's `leftovers`), and nobody's own
 * conversation is ever taken for one. Fixed per test, never random: replay compares bodies.
 */
export function conversationName(label = expect.getState().currentTestName ?? 'no test'): string {
  return `Harness chat: ${label}`;
}

/** The body of POST Conversation: S-CHAT's flags and participants, plus the harness's name. */
export function conversationBody(wanted: NewConversation = {}): Record<string, unknown> {
  return {
    stream: false,
    hidden: true,
    generateSystemMessages: false,
    name: conversationName(wanted.name),
    originalParticipants: (wanted.participants ?? []).map((participantId) => ({ type: 'USER', participantId })),
  };
}

/**
 * Sends POST Conversation (the collection's S-CHAT body, or `json`) and, whatever the test expects,
 * registers the deletion of anything it created, by its creator. The cleanup tolerates 404: a
 * scenario may already have deleted it.
 */
export async function sendConversation(api: ChatClient, options: SendOptions = {}): Promise<ApiResponse<Conversation & PlatformError>> {
  const res = await api.send<Conversation & PlatformError>('POST Conversation', {
    ...options,
    vars: { conversationName: conversationName(), ...options.vars },
  });
  const conversationId = res.status === 201 ? res.body.conversationId : undefined;
  if (conversationId) {
    api.undo(`delete conversation ${conversationId}`, 'DELETE Conversation', { vars: { conversationId }, as: options.as });
  }
  return res;
}

/** Starts a conversation that the test then uses; fails the test at once if it cannot. */
export async function startConversation(api: ChatClient, wanted: NewConversation = {}, as: UserKey = 'primary'): Promise<Conversation> {
  const res = await sendConversation(api, { json: conversationBody(wanted), as });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('conversations/conversation');
  return res.body;
}

/** Posts a plain-text message, as S-CHAT does, and returns it. */
export async function postMessage(api: ChatClient, conversationId: string, text: string, as: UserKey = 'primary'): Promise<Message> {
  const res = await api.send<Message>('POST Message', { vars: { conversationId, messageBody: text }, as });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('conversations/message');
  return res.body;
}

/** The user a participant stands for, whichever of its two names the answer used (see the schema). */
export function participantIdOf(participant: Participant): string | undefined {
  return participant.participantId ?? participant.userId;
}

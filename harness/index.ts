// What suites import. Suites never reach nock, ajv or allure directly: those stay inside the harness.
export { useCollection, type ApiResponse, type CollectionClient, type HalPage, type SendOptions } from './client/client';
export { defineCollection, type Collection, type NamedRequest } from './client/named-request';
export { tokenRequests } from './auth/token-requests';
export { userVars } from './auth/acquire';
export type { UserKey } from './auth/users';
export { pkceChallenge } from './auth/pkce';
export { openWebhookInbox, type WebhookInbox } from './notifications/webhook';
export { openSocketInbox } from './notifications/socket';
export type { Publication, PublicationInbox, Taken } from './notifications/inbox';
export { sandboxSwitchboard, itWithFaults, itWithLiveFaults, itWritesWithFaults } from './switchboard';
export type { FaultSpec } from '../sandbox';
export { itWrites, isReadOnly, ReadOnlyError } from './read-only';
export { eqFilter } from './cleanup/undo';

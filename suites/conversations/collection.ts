// The Conversations (chat) collection: the named requests of https://chat.api.mitel.io/2017-09-01 as
// a Postman user would find them. No chat spec is published; paths and bodies follow Mitel's
// direct-chat sample (S-CHAT) and the legacy conversation API (RN-APP; docs/sources.md),
// statuses what the sandbox answers where public material is silent (sandbox/README.md "Chat").
import { defineCollection } from '../../harness';

const errors = { 400: '_shared/error', 401: '_shared/error', 403: '_shared/error', 404: '_shared/error', 409: '_shared/error' };
const conversation = '{{chat_url}}/conversations/{{conversationId}}';

/** For examples (tools/conformance): OData's $top must be at least 1. */
const top0 = { $top: '0' };

export const conversations = defineCollection({
  name: 'Conversations',
  api: 'conversations',
  description: 'Direct chats of https://chat.api.mitel.io/2017-09-01: conversations, their participants and messages.',
  exampleVars: { messageBody: 'hello from an example', conversationName: 'Harness chat: an example' },
  requests: {
    'GET Token': {
      description: 'Who am I: S-CHAT reads each user’s userId from here before naming them as participants.',
      method: 'GET',
      url: '{{auth_url}}/token',
      responses: { 200: 'authentication/claims', ...errors },
      examples: { 200: {}, 401: { headers: { authorization: 'Bearer not-a-jwt' } } },
    },
    'POST Conversation': {
      description: 'Start a conversation; the body is S-CHAT’s direct chat between the caller and one other user.',
      method: 'POST',
      url: '{{chat_url}}/conversations',
      body: {
        mode: 'json',
        json: {
          name: '{{conversationName}}',
          stream: false,
          hidden: true,
          generateSystemMessages: false,
          originalParticipants: [
            { type: 'USER', participantId: '{{userId}}' },
            { type: 'USER', participantId: '{{participantId}}' },
          ],
        },
      },
      responses: { 201: 'conversations/conversation', ...errors },
      examples: {
        201: { vars: { userId: '{{primaryUserId}}', participantId: '{{secondUserId}}' }, captures: { conversationId: 'conversationId' } },
        400: { json: { originalParticipants: 'nobody' } },
      },
      // Every conversation the suites start has a name of their own (support.ts): a killed run's is found by it.
      leftovers: { list: 'GET Conversations', match: 'name', undo: 'DELETE Conversation', vars: { conversationId: 'conversationId' } },
    },
    'GET Conversations': {
      description: 'The caller’s conversations as a HAL collection; OData $top, $skip, $filter, $orderby.',
      method: 'GET',
      url: '{{chat_url}}/conversations',
      responses: { 200: 'conversations/conversation-collection', ...errors },
      examples: { 200: { setup: ['POST Conversation'] }, 400: { query: top0 } },
    },
    'GET Conversation': {
      description: 'One conversation, with its participants and newest message embedded.',
      method: 'GET',
      url: conversation,
      responses: { 200: 'conversations/conversation', ...errors },
      examples: { 200: { setup: ['POST Conversation'] }, 404: { vars: { conversationId: '{{noSuchId}}' } } },
    },
    'DELETE Conversation': {
      description: 'Delete a conversation for everyone; S-CHAT sends a Content-Type but no body and reads JSON back.',
      method: 'DELETE',
      url: conversation,
      headers: { 'Content-Type': 'application/json' },
      responses: { 200: 'conversations/conversation', ...errors },
      examples: { 200: { setup: ['POST Conversation'] }, 404: { setup: ['DELETE Conversation'] } },
    },
    'POST Participant': {
      description: 'Add a user of the account to a conversation.',
      method: 'POST',
      url: `${conversation}/participants`,
      body: { mode: 'json', json: { type: 'USER', participantId: '{{participantId}}' } },
      responses: { 201: 'conversations/participant', ...errors },
      examples: {
        201: { setup: ['POST Conversation'], vars: { participantId: '{{thirdUserId}}' }, captures: { participantId: 'participantId' } },
        404: { vars: { participantId: '{{thirdUserId}}', conversationId: '{{noSuchId}}' } },
      },
    },
    'GET Participants': {
      description: 'Who takes part in a conversation, in the order they joined; OData $top, $skip, $filter, $orderby.',
      method: 'GET',
      url: `${conversation}/participants`,
      responses: { 200: 'conversations/participant-collection', ...errors },
      examples: { 200: { setup: ['POST Participant'] }, 404: { vars: { conversationId: '{{noSuchId}}' } } },
    },
    'GET Participant': {
      description: 'One participant of a conversation, by user id.',
      method: 'GET',
      url: `${conversation}/participants/{{participantId}}`,
      responses: { 200: 'conversations/participant', ...errors },
      examples: { 200: { setup: ['POST Participant'] }, 404: { setup: ['POST Conversation'], vars: { participantId: '{{noSuchId}}' } } },
    },
    'POST Message': {
      description: 'Post a message to a conversation, as S-CHAT does: plain text.',
      method: 'POST',
      url: `${conversation}/messages`,
      body: { mode: 'json', json: { body: '{{messageBody}}', contentType: 'text/plain' } },
      responses: { 201: 'conversations/message', ...errors },
      examples: {
        201: { setup: ['POST Conversation'], captures: { messageId: 'messageId' } },
        400: { setup: ['POST Conversation'], json: { contentType: 'text/plain' } },
      },
    },
    'GET Messages': {
      description: 'The messages of a conversation, newest first, paged; OData $top, $skip, $filter, $orderby.',
      method: 'GET',
      url: `${conversation}/messages`,
      responses: { 200: 'conversations/message-collection', ...errors },
      examples: { 200: { setup: ['POST Message'] }, 404: { vars: { conversationId: '{{noSuchId}}' } } },
    },
    'GET Message': {
      description: 'One message of a conversation.',
      method: 'GET',
      url: `${conversation}/messages/{{messageId}}`,
      responses: { 200: 'conversations/message', ...errors },
      examples: { 200: { setup: ['POST Message'] }, 404: { setup: ['POST Conversation'], vars: { messageId: '{{noSuchId}}' } } },
    },
  },
});

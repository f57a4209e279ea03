// Reading the chat request bodies. Shapes are those Mitel's samples send: the conversation body
// of S-CHAT, messages `{body, contentType}` (S-CHAT) with an optional `tag` (WA-BOT [3P]) and
// action cards with a JSON-string body and `fallbackText` (DF-BOT [3P]).
import { badRequest } from '../../platform/errors';
import { optionalBoolean, optionalEnum, optionalObjectList, optionalString, requiredString, type JsonObject } from '../../platform/json-fields';
import { PARTICIPANT_TYPES, VISIBILITIES, type ParticipantType, type Visibility } from './store';

export interface ParticipantRequest {
  participantId: string;
  type: ParticipantType;
}

export interface ConversationRequest {
  name?: string;
  visibility: Visibility;
  stream: boolean;
  hidden: boolean;
  generateSystemMessages: boolean;
  participants: ParticipantRequest[];
}

export interface MessageRequest {
  body: string;
  contentType: string;
  fallbackText?: string;
  tag?: string;
}

export const TEXT_PLAIN = 'text/plain';
export const ACTION_CARD = 'application/vnd.mitel.action-card';

/** `{participantId, type}`. CHOICE: type defaults to USER, the only type any sample sends. */
export function readParticipant(body: JsonObject, where = ''): ParticipantRequest {
  const participantId = optionalString(body, 'participantId');
  if (participantId === undefined || participantId.trim() === '') {
    throw badRequest('MissingParamInRequest', `${where}participantId is required.`);
  }
  const type = optionalEnum(body, 'type', PARTICIPANT_TYPES) ?? 'USER';
  return { participantId, type };
}

/**
 * POST /conversations. CHOICES (the service is undocumented): every field is
 * optional; stream, hidden and generateSystemMessages default to false and are stored and shown,
 * not acted on (no system messages are generated, hidden conversations are still listed);
 * visibility defaults to PRIVATE.
 */
export function readConversation(body: JsonObject | undefined): ConversationRequest {
  const fields = body ?? {};
  const participants = (optionalObjectList(fields, 'originalParticipants') ?? []).map((item, index) =>
    readParticipant(item, `originalParticipants[${index}].`),
  );
  return {
    name: optionalString(fields, 'name'),
    visibility: optionalEnum(fields, 'visibility', VISIBILITIES) ?? 'PRIVATE',
    stream: optionalBoolean(fields, 'stream') ?? false,
    hidden: optionalBoolean(fields, 'hidden') ?? false,
    generateSystemMessages: optionalBoolean(fields, 'generateSystemMessages') ?? false,
    participants,
  };
}

/**
 * POST /conversations/{id}/messages. `body` is required. CHOICE: contentType defaults to
 * text/plain and only the two content types the samples use are accepted; an action card's body
 * must be a JSON object in a string and it needs fallbackText for clients that cannot draw it.
 */
export function readMessage(body: JsonObject | undefined): MessageRequest {
  if (!body) throw badRequest('MissingParamInRequest', 'body is required.');
  const text = requiredString(body, 'body');
  const contentType = optionalEnum(body, 'contentType', [TEXT_PLAIN, ACTION_CARD]) ?? TEXT_PLAIN;
  const fallbackText = optionalString(body, 'fallbackText');
  const tag = optionalString(body, 'tag');
  if (contentType === ACTION_CARD) {
    if (!isJsonObjectText(text)) {
      throw badRequest('InvalidRequest', `An ${ACTION_CARD} body must be a JSON object serialised as a string.`);
    }
    if (fallbackText === undefined || fallbackText.trim() === '') {
      throw badRequest('MissingParamInRequest', `fallbackText is required for ${ACTION_CARD}.`);
    }
  }
  return { body: text, contentType, fallbackText, tag };
}

function isJsonObjectText(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

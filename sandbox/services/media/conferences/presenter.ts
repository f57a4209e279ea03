// How conferences and participants are shown: MEDIA-SPEC `conference` (additionalProperties
// false, so only its fields), `participant`, `participantCollection`, `addressCollection` and
// `conferenceTagCollection`.
import type { ConferenceRecord, ParticipantRecord } from './store';

/**
 * CHOICE: one dial-in number, from the 555-01xx range reserved for fiction, so the required
 * `_embedded.addresses` has something in the spec's `address` shape.
 */
const DIAL_IN = { type: 'pstn', description: 'Sandbox dial-in', url: 'tel:+15555550100', country: 'US', tollFree: false };

export const conferencePath = (servicePath: string, conferenceId: string) => `${servicePath}/conferences/${encodeURIComponent(conferenceId)}`;

export function toParticipantResource(conference: ConferenceRecord, participant: ParticipantRecord, servicePath: string) {
  return {
    participantId: participant.participantId,
    state: participant.state,
    type: participant.type,
    ...(participant.onetimeAcceptance === undefined ? {} : { onetimeAcceptance: participant.onetimeAcceptance }),
    _links: {
      self: `${conferencePath(servicePath, conference.id)}/participants/${encodeURIComponent(participant.participantId)}`,
    },
  };
}

function collection<T>(items: T[], self: string) {
  return { count: items.length, _links: { self }, _embedded: { items } };
}

/** `$expand=tags` adds the (always empty: no route creates tags) tag collection. */
export function toConferenceResource(conference: ConferenceRecord, servicePath: string, expandTags = false) {
  const self = conferencePath(servicePath, conference.id);
  const participants = conference.participants.map((participant) => toParticipantResource(conference, participant, servicePath));
  return {
    id: conference.id,
    accountId: conference.accountId,
    ...(conference.name === undefined ? {} : { name: conference.name }),
    // "deprecated. Please use type" (MEDIA-SPEC): derived from it.
    visibility: conference.type === 'inviteOnly' ? 'private' : 'public',
    accessCode: conference.accessCode,
    createdBy: conference.createdBy,
    createdOn: conference.createdOn,
    modifiedBy: conference.modifiedBy,
    modifiedOn: conference.modifiedOn,
    state: conference.state,
    type: conference.type,
    lobbyPolicy: conference.lobbyPolicy,
    _links: { self, participants: `${self}/participants` },
    _embedded: {
      participants: collection(participants, `${self}/participants`),
      addresses: collection([DIAL_IN], `${self}/addresses`),
      ...(expandTags ? { tags: collection([], `${self}/tags`) } : {}),
    },
  };
}

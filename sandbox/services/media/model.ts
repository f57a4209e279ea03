// The media service's in-memory records. Field names are MEDIA-SPEC's (`endpoint`, `call`,
// `recording`) and those of the call notification in the S-NOTIF README; conference records live
// in conferences/store.ts.
import type { ConferenceStore } from './conferences/store';

/** MEDIA-SPEC `endpoint.userAvailability`. */
export const AVAILABILITIES = ['available', 'busy', 'dnd', 'away'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** The `call.state` values a leg goes through; `unknown`, `idle` and `outOfService` are line states only. */
export type LegState = 'ringing' | 'connected' | 'held' | 'completed';

/** The MEDIA-SPEC `call.cause` values the sandbox produces. */
export type Cause = 'newCall' | 'transfer' | 'redirected' | 'callCancelled' | 'busy' | 'callNotAnswer' | 'doNotDisturb' | 'destNotObtainable';

/** A PBX device of an account's site (MEDIA-SPEC `endpoint`; "line state"). */
export interface EndpointRecord {
  endpointId: string;
  name: string;
  /** "Internal use only" in MEDIA-SPEC; the sandbox says what kind of device it is. */
  type: string;
  accountId: string;
  siteId: string;
  /** The user the extension belongs to (UserRecord.extension), when it belongs to one. */
  userId?: string;
  /** The user's principal, or the device's own for unassigned endpoints (MEDIA-SPEC toPrincipalId "userId or endpointId"). */
  principalId: string;
  userAvailability: Availability;
  dnd: boolean;
  messageWaiting: boolean;
  pstnRoutingEnabled: boolean;
  /** The number pstnRouting shows when enabled ("Mobile number", MEDIA-SPEC). */
  mobile?: string;
  outOfService: boolean;
  /** The next per-endpoint call number: callIds read `endpoints/<ext>/calls/<n>` (S-NOTIF). */
  nextSequence: number;
}

/** One side of a call: a seeded endpoint (with its leg) or an outside number (no leg). */
export interface Party {
  number: string;
  name: string;
  principalId?: string;
  leg?: CallLeg;
}

export interface ActiveRecording {
  recordingId: string;
  /** The leg whose `record: true` started it; the recording's callId. */
  owner: CallLeg;
  /** Set while audio is being recorded (call answered, not paused). */
  runningSinceMs?: number;
  paused: boolean;
  recordedMs: number;
  /** tagRecording args (MEDIA-SPEC example: a JSON object of custom fields); kept, not shown. */
  tags: Record<string, unknown>[];
}

/**
 * A PBX call. `parties[0]` placed it (`from`), `parties[1]` was called (`to`); a conference has
 * more. Transfers and redirects move the remaining legs to a new Call, so a completed leg keeps
 * the from/to it ended with.
 */
export interface Call {
  /** extraPbxData.callTrackingID, read like "1650975157#7" (S-NOTIF). */
  trackingId: string;
  accountId: string;
  siteId: string;
  parties: Party[];
  answeredOnMs?: number;
  /** The leg that put a two-party call on hold; only it may retrieve. */
  holder?: CallLeg;
  recording?: ActiveRecording;
}

export interface CallLeg {
  /** Path-like, e.g. `endpoints/2001/calls/33656066` (S-NOTIF payload). */
  callId: string;
  endpointId: string;
  sequence: number;
  call: Call;
  state: LegState;
  cause: Cause;
  direction: 'inbound' | 'outbound';
  /** CSTA-style event name shown as extraPbxData.eventType ("deliveredEvent" in S-NOTIF). */
  pbxEvent: string;
  createdOnMs: number;
  answeredOnMs?: number;
  endTimeMs?: number;
  /** A ringing leg not answered by then ends with cause callNotAnswer (createCallRequest.originateTimeout). */
  noAnswerAtMs?: number;
  /** PUT /calls/records {hide}: hidden records drop out of GET /calls/records. */
  hidden: boolean;
}

/** MEDIA-SPEC `recording`, plus what the sandbox needs to decide who sees it. */
export interface RecordingRecord {
  recordingId: string;
  /** A leg's callId, or a conference id for conference recordings ("callId/conference Id", MEDIA-SPEC). */
  callId: string;
  accountId: string;
  /** The principal whose call (or conference) was recorded. */
  ownerPrincipalId: string;
  createdOn: string;
  contentType: string;
  durationInSeconds: number;
  label?: string;
}

export interface MediaWorld {
  endpoints: Map<string, EndpointRecord>;
  /** Every leg, live and completed, by callId; completed legs are the call records. */
  legs: Map<string, CallLeg>;
  recordings: Map<string, RecordingRecord>;
  conferences: ConferenceStore;
  nextTrackingNumber: number;
}

export function isActive(leg: CallLeg): boolean {
  return leg.state !== 'completed';
}

/** The parties still in the call: outside numbers, and endpoints whose leg has not completed. */
export function activeParties(call: Call): Party[] {
  return call.parties.filter((party) => !party.leg || isActive(party.leg));
}

export function partyOf(call: Call, leg: CallLeg): Party | undefined {
  return call.parties.find((party) => party.leg === leg);
}

// The media world every sandbox starts from: PBX endpoints on the main account's one site and a
// little call history, fixed so tests and recorded fixtures see the same ids on every machine.
// Extensions 2001/2002 are the pair of Mitel's notification sample (S-NOTIF README); 200, 201, …
// are the "range of endpoints" that sample subscribes to, here desk phones without a user.
import { MAIN_ACCOUNT_ID, SITE_ID } from '../../seed';
import type { UserRecord } from '../../model';
import type { Call, CallLeg, EndpointRecord, MediaWorld, Party, RecordingRecord } from './model';

interface DeviceSeed {
  endpointId: string;
  name: string;
  type: string;
  outOfService?: boolean;
}

/** Unassigned devices get a principal of their own (MEDIA-SPEC: principalId "could be userId or endpointId"). */
const devicePrincipal = (endpointId: string) => `e0d1e2f3-0000-4000-8000-${endpointId.padStart(12, '0')}`;

const DEVICES: DeviceSeed[] = [
  { endpointId: '200', name: 'Reception', type: 'deskPhone' },
  { endpointId: '201', name: 'Lobby', type: 'deskPhone' },
  { endpointId: '202', name: 'Meeting Room', type: 'conferencePhone' },
  { endpointId: '203', name: 'Warehouse', type: 'deskPhone' },
  { endpointId: '204', name: 'Front Desk 2', type: 'deskPhone' },
  // CHOICE: one device is unplugged, so the line state outOfService and cause destNotObtainable exist.
  { endpointId: '205', name: 'Loading Dock', type: 'deskPhone', outOfService: true },
];

/** The extensions of the main account's seeded users (2001 Alex Admin, 2002 Sam Second, 2003 Uma User). */
const USER_EXTENSIONS = ['2001', '2002', '2003'];

const SEEDED_CALLS_AT = Date.parse('2024-01-02T09:00:00.000Z');
export const SEEDED_RECORDING_ID = '5e0c7a1b-2d3f-4a6b-8c9d-0e1f2a3b4c5d';

function endpoint(seed: DeviceSeed, user?: UserRecord): EndpointRecord {
  return {
    endpointId: seed.endpointId,
    name: user?.name ?? seed.name,
    type: seed.type,
    accountId: MAIN_ACCOUNT_ID,
    siteId: SITE_ID,
    userId: user?.userId,
    principalId: user?.principalId ?? devicePrincipal(seed.endpointId),
    userAvailability: 'available',
    dnd: false,
    messageWaiting: false,
    pstnRoutingEnabled: false,
    mobile: user?.mobile,
    outOfService: seed.outOfService ?? false,
    nextSequence: 1,
  };
}

function party(device: EndpointRecord): Party {
  return { number: device.endpointId, name: device.name, principalId: device.principalId };
}

/** A finished two-party call between two seeded endpoints, as history. */
function pastCall(
  world: MediaWorld,
  from: EndpointRecord,
  to: EndpointRecord,
  timing: { startMs: number; answeredAfterMs?: number; endAfterMs: number; cause: CallLeg['cause'] },
): [CallLeg, CallLeg] {
  const call: Call = {
    trackingId: `${Math.floor(timing.startMs / 1000)}#${world.nextTrackingNumber++}`,
    accountId: from.accountId,
    siteId: from.siteId,
    parties: [party(from), party(to)],
  };
  const legs = (
    [
      [from, 'outbound'],
      [to, 'inbound'],
    ] as const
  ).map(([device, direction], index): CallLeg => {
    const sequence = device.nextSequence++;
    const leg: CallLeg = {
      callId: `endpoints/${device.endpointId}/calls/${sequence}`,
      endpointId: device.endpointId,
      sequence,
      call,
      state: 'completed',
      cause: timing.cause,
      direction,
      pbxEvent: 'connectionClearedEvent',
      createdOnMs: timing.startMs,
      answeredOnMs: timing.answeredAfterMs === undefined ? undefined : timing.startMs + timing.answeredAfterMs,
      endTimeMs: timing.startMs + timing.endAfterMs,
      hidden: false,
    };
    (call.parties[index] as Party).leg = leg;
    world.legs.set(leg.callId, leg);
    return leg;
  });
  call.answeredOnMs = legs[0]?.answeredOnMs;
  return legs as [CallLeg, CallLeg];
}

/** A fresh world per sandbox; `users` gives the extensions their owners (UserRecord.extension). */
export function seedMediaWorld(users: readonly UserRecord[]): MediaWorld {
  const world: MediaWorld = {
    endpoints: new Map(),
    legs: new Map(),
    recordings: new Map(),
    conferences: new Map(),
    nextTrackingNumber: 1,
  };
  for (const device of DEVICES) world.endpoints.set(device.endpointId, endpoint(device));
  for (const extension of USER_EXTENSIONS) {
    const owner = users.find((user) => user.accountId === MAIN_ACCOUNT_ID && user.extension === extension);
    world.endpoints.set(extension, endpoint({ endpointId: extension, name: `Extension ${extension}`, type: 'softphone' }, owner));
  }

  const at = (id: string) => world.endpoints.get(id) as EndpointRecord;
  // An answered minute from 2002 to 2001, recorded on 2001; then a call to 2001 that rang out.
  const [, answered] = pastCall(world, at('2002'), at('2001'), {
    startMs: SEEDED_CALLS_AT,
    answeredAfterMs: 5_000,
    endAfterMs: 65_000,
    cause: 'newCall',
  });
  pastCall(world, at('200'), at('2001'), { startMs: SEEDED_CALLS_AT + 3_600_000, endAfterMs: 20_000, cause: 'callCancelled' });
  const recording: RecordingRecord = {
    recordingId: SEEDED_RECORDING_ID,
    callId: answered.callId,
    accountId: MAIN_ACCOUNT_ID,
    ownerPrincipalId: at('2001').principalId,
    createdOn: new Date(SEEDED_CALLS_AT + 65_000).toISOString(),
    contentType: 'audio/wav',
    durationInSeconds: 60,
    label: 'Seeded sample',
  };
  world.recordings.set(recording.recordingId, recording);
  return world;
}

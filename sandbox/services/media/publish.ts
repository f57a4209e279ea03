// What the media service tells the notifications service: one publication per call-leg change on
// topic `platform-api-media`, subject `/2017-09-01/endpoints/<ext>/calls/<n>`, content the leg as
// the S-NOTIF README's delivered webhook shows it.
import { randomUUID } from 'node:crypto';
import type { Publication } from '../../platform/events';
import { roleAtLeast } from '../../model';
import type { MediaTx } from './context';
import type { CallLeg } from './model';
import { legPath, toCallResource } from './presenter';

export const MEDIA_TOPIC = 'platform-api-media';

/** Stands in for "platform-api-mediaservice-us-west-2-800148832223-us" (S-NOTIF). */
const DEVICE_ID = 'platform-api-mediaservice-sandbox';

/** The S-NOTIF content of a leg: the call fields, extraPbxData, and the notification's own fields. */
export function legNotificationContent(tx: MediaTx, leg: CallLeg): Record<string, unknown> {
  const { media } = tx;
  const call = toCallResource(leg, media.servicePath);
  const endpoint = media.world.endpoints.get(leg.endpointId);
  const owner = endpoint?.principalId;
  const nowMs = media.state.now();
  return {
    from: call.from,
    fromName: call.fromName,
    to: call.to,
    toName: call.toName,
    state: call.state,
    cause: call.cause,
    direction: call.direction,
    // An object here, although MEDIA-SPEC types `call.extraPbxData` as a string: S-NOTIF shows an object.
    extraPbxData: {
      alertingDevice: call.to,
      calledDevice: call.to,
      eventType: leg.pbxEvent,
      callTrackingID: leg.call.trackingId,
    },
    createdOn: call.createdOn,
    callId: call.callId,
    endpointId: call.endpointId,
    siteId: call.siteId,
    accountId: call.accountId,
    timestamp: nowMs,
    eventId: randomUUID(),
    mediaReceivedTimestamp: nowMs,
    ...(call.endTime === undefined
      ? {}
      : {
          endTime: call.endTime,
          completed: call.completed,
          ringTime: call.ringTime,
          billingTime: call.billingTime,
        }),
    _links: call._links,
    isCtiEvent: true,
    principalId: owner,
    callLegOwner: owner,
    mediaEventProcessedTimestamp: nowMs,
    eventType: 'CallStateNotification',
    deviceId: DEVICE_ID,
    // CHOICE: userId only for an extension that belongs to a user; a desk phone has none.
    ...(endpoint?.userId === undefined ? {} : { userId: endpoint.userId }),
  };
}

/**
 * Publishes one leg change. Methods (CHOICE): PUT for a new leg and for every state change, as
 * the S-NOTIF sample delivers a new ringing leg with PUT; DELETE when the leg completes and leaves
 * the endpoint's active calls (WS-DOC: DELETE = removal). The publisher is the leg's owner, as in
 * S-NOTIF. Only the owner and the account's admins hear it (WS-DOC "PrincipleFilter"): call
 * control is an ADMIN matter (S-NOTIF README) and a user's calls are his own.
 */
export function publishLeg(tx: MediaTx, leg: CallLeg, method: Publication['method'] = leg.state === 'completed' ? 'DELETE' : 'PUT'): void {
  const { media } = tx;
  const endpoint = media.world.endpoints.get(leg.endpointId);
  if (!endpoint) return;
  const admins = media.state.users
    .filter((user) => user.accountId === endpoint.accountId && roleAtLeast(user.role, 'ACCOUNT_ADMIN'))
    .map((user) => user.principalId);
  media.state.events.publish({
    topic: MEDIA_TOPIC,
    method,
    subject: `${media.subjectBase}${legPath(leg)}`,
    content: legNotificationContent(tx, leg),
    publisher: { accountId: endpoint.accountId, principalId: endpoint.principalId },
    principalFilter: [...new Set([endpoint.principalId, ...admins])],
    correlationId: tx.correlationId,
  });
}

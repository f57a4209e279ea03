// Every operation the public material documents, the list the coverage map measures against.
// Authentication and Media are copied from Mitel's published OpenAPI documents (source tags
// AUTH-SPEC and MEDIA-SPEC, docs/sources.md): method, path, operationId and summary as published.
// Admin, Chat and Notifications have no published spec; their operations are the ones the public
// documentation and Mitel's samples name (source tags per entry). An operation the suites do not
// cover carries the reason, so 100% means "covered or explained".
export type ApiName = 'authentication' | 'admin' | 'media' | 'conversations' | 'notifications';

export interface DocumentedOperation {
  api: ApiName;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path below the service's version prefix, `{name}` for a parameter. */
  path: string;
  /** The spec's operationId, or a name made from the method and path where no spec exists. */
  id: string;
  summary: string;
  /** The source tag the operation comes from. */
  source: string;
  /** Named requests that cover it at another path than its own (the harness's choice, explained in `note`). */
  requests?: string[];
  note?: string;
  /** Why no named request or test covers it; required for every operation left uncovered. */
  reason?: string;
}

type Method = DocumentedOperation['method'];
const auth = (method: Method, path: string, id: string, summary: string, reason?: string): DocumentedOperation => ({
  api: 'authentication',
  method,
  path,
  id,
  summary,
  source: 'AUTH-SPEC',
  ...(reason ? { reason } : {}),
});
const media = (method: Method, path: string, id: string, summary: string, reason?: string): DocumentedOperation => ({
  api: 'media',
  method,
  path,
  id,
  summary,
  source: 'MEDIA-SPEC',
  ...(reason ? { reason } : {}),
});
const documented = (
  api: ApiName,
  method: Method,
  path: string,
  summary: string,
  source: string,
  extra: Partial<DocumentedOperation> = {},
): DocumentedOperation => ({ api, method, path, id: `${method} ${path}`, summary, source, ...extra });

const GUEST = 'Guest tokens need a meeting-scoped guest context the sandbox does not model; no Mitel sample calls it.';
const ASSUME_ROLE = 'Assuming another role is a partner/staff tool; the sandbox does not serve it and no Mitel sample calls it.';
const SAML = 'SAML 2.0 sign-in needs a third-party identity provider; out of reach of an API harness and not served by the sandbox.';
const INTERNAL = 'A service-internal route (its own spec, health, failover), not part of the client contract.';
const POLICY = 'Platform-internal policy evaluation for staff; no client calls it and the sandbox does not serve it.';
const SSO = 'The SSO flow is deprecated in AUTH-SPEC ("no longer supported"); not served by the sandbox.';
const BY_CLIENT_ID = 'Looking an application up by client_id (query) has no named request yet; GET Application reads the same record by id.';
const APP_WRITE = 'No named request yet: the suites read and create applications; the sandbox serves the route (drift catalogue APPLICATION routes).';
const APP_TAGS = 'Application tags are not served by the sandbox; the harness covers tags on users (Admin) instead.';
const IDP = 'Identity-provider administration is a partner/staff task; not served by the sandbox.';
const CREDENTIALS = 'Credential administration (JWKs, OAuth tokens) is a partner/staff task; not served by the sandbox.';
const DISCOVERY = 'Discovery metadata; the sandbox does not serve it and the suites configure OpenID Connect from the environment instead.';
const ISSUERS = 'Trusted-issuer administration is a partner/staff task; not served by the sandbox.';
const CONTENT_SEARCH = 'Content search across conferences is not served by the sandbox.';
const ATTENDANCES = 'Attendance history is not served by the sandbox.';
const LEGACY_ATTACHMENTS =
  'Attachments appear only in the legacy 2016-12-31 SDK (RN-APP, third-party); no 2017-09-01 source shows them and the sandbox does not serve them.';

export const DOCUMENTED_OPERATIONS: readonly DocumentedOperation[] = [
  auth('GET', '/token', 'getClaims', 'Get/validate a token'),
  auth('POST', '/token', 'createToken', 'Create a token -> authenticate'),
  auth('POST', '/guest/token', 'createGuestToken', 'Create a guest token -> authenticate for guest access', GUEST),
  auth('POST', '/assume-role/token', 'createTokenWithAssumedRole', 'Create a token with alternate role', ASSUME_ROLE),
  auth('POST', '/authorize', 'createAuthorizationCode', 'Create an Authorizatione Code'),
  auth('POST', '/saml2/start', 'saml2Start', 'Initiate SAML2.0 based authentication', SAML),
  auth('POST', '/saml2/{accountId}/cs', 'saml2Response', 'Process SAML claims from 3rd party Identity Providers', SAML),
  auth('POST', '/saml2/logout', 'saml2Logout', 'Logout of Identity Provider', SAML),
  auth('GET', '/_spec', 'getSpec', 'Get spec', INTERNAL),
  auth('POST', '/policy-test', 'evaluatePolicy', 'Evaluate a policy against a set of actions and resources', POLICY),
  auth('GET', '/sso', 'getSsoProviders', 'Gets the sso providers configured on the platform', SSO),
  auth('GET', '/sso/{providerId}', 'loginSsoProvider', 'This route is deprecated as the funtionality is no longer supported', SSO),
  auth('GET', '/sso/{providerId}/callback', 'loginSsoProviderCallback', 'This route is deprecated as the funtionality is no longer supported', SSO),
  auth('GET', '/applications', 'getApplicationByClientId', 'Get Application data corresponding to client_id', BY_CLIENT_ID),
  auth('POST', '/applications', 'createClientApplication', 'Create Client Application'),
  auth('GET', '/apps', 'getApplications', 'Gets application data for given token'),
  auth('GET', '/applications/{applicationId}', 'getApplicationAccountInfoByClientId', 'Get application data corresponding to client_id'),
  auth('PUT', '/applications/{applicationId}', 'updateClientApplication', 'Update client application', APP_WRITE),
  auth('DELETE', '/applications/{applicationId}', 'deleteClientApplication', 'Delete client application', APP_WRITE),
  auth('GET', '/applications/{applicationId}/tags', 'getApplicationTags', 'Get application tags', APP_TAGS),
  auth('POST', '/applications/{applicationId}/tags', 'createApplicationTag', 'Create an application tag', APP_TAGS),
  auth('GET', '/applications/{applicationId}/tags/{tagId}', 'getApplicationTag', 'Gets an application tag', APP_TAGS),
  auth('PUT', '/applications/{applicationId}/tags/{tagId}', 'updateApplicationTag', 'Update an application tag', APP_TAGS),
  auth('DELETE', '/applications/{applicationId}/tags/{tagId}', 'deleteApplicationTag', 'Delete an application tag', APP_TAGS),
  auth('GET', '/_status', 'getStatus', 'Get microservice status', INTERNAL),
  auth('GET', '/_failover', 'getFailoverStatus', 'Get failover status', INTERNAL),
  auth('GET', '/identityProviders', 'getIdentityProviders', 'Get identity providers', IDP),
  auth('POST', '/identityProviders', 'createIdentityProvider', 'Create identity provider', IDP),
  auth('GET', '/identityProviders/{identityProviderId}', 'getIdentityProvider', 'Get identity provider', IDP),
  auth('PUT', '/identityProviders/{identityProviderId}', 'updateIdentityProvider', 'Update identity provider', IDP),
  auth('DELETE', '/identityProviders/{identityProviderId}', 'deleteIdentityProvider', 'Delete identity provider', IDP),
  auth('GET', '/credentials', 'getCredentials', 'Get all credentials', CREDENTIALS),
  auth('POST', '/credentials', 'createCredentials', 'Create a credential', CREDENTIALS),
  auth('GET', '/accounts/{accountId}/credentials', 'getCredentialsByAccount', 'Get all credentials for the supplied account ID', CREDENTIALS),
  auth('GET', '/credentials/{credentialId}', 'getCredentialById', 'Get credential data corresponding to the given id', CREDENTIALS),
  auth('PUT', '/credentials/{credentialId}', 'updateCredential', 'Update the given credential', CREDENTIALS),
  auth('DELETE', '/credentials/{credentialId}', 'deleteCredential', 'Remove the given credential', CREDENTIALS),
  auth('POST', '/credentials/{credentialId}', 'credentialCommand', 'Execute an action on the given credential', CREDENTIALS),
  auth('GET', '/accounts/{accountId}/.well-known/jwks.json', 'getJsonWebKeySet', 'Retrieve the json web key set for the specified account', DISCOVERY),
  auth('GET', '/.well-known/openid-configuration', 'getOpenIdConfiguration', 'Gets OAuth authorization server metadata', DISCOVERY),
  auth('GET', '/.well-known/oauth-authorization-server', 'getAuthorizationServer', 'Gets OAuth authorization server metadata', DISCOVERY),
  auth('GET', '/.well-known/mitel/hydra', 'getHydraDiscoveryMetadata', 'Gets the Mitel Hydra client discovery meta data', DISCOVERY),
  auth('GET', '/trusted-issuers', 'getTrustedIssuers', 'Get all trusted issuers for the account', ISSUERS),
  auth('POST', '/trusted-issuers', 'createTrustedIssuer', 'Create a trusted issuer', ISSUERS),
  auth('GET', '/accounts/{accountId}/trusted-issuers', 'getTrustedIssuersByAccount', 'Get all trusted issuers for the supplied account ID', ISSUERS),
  auth('GET', '/trusted-issuers/{issuerId}', 'getTrustedIssuerById', 'Get trusted issuer data corresponding to the given id', ISSUERS),
  auth('PUT', '/trusted-issuers/{issuerId}', 'updateTrustedIssuer', 'Update the given trusted issuer', ISSUERS),
  auth('DELETE', '/trusted-issuers/{issuerId}', 'deleteTrustedIssuer', 'Remove the given trusted issuer', ISSUERS),
  media('GET', '/calls/records', 'getCallRecords', 'Get call records'),
  media('PUT', '/calls/records', 'updateCallRecords', 'Update call history records'),
  media('GET', '/calls/{callId}/records', 'getCallRecord', 'Get a call record'),
  media('PUT', '/calls/{callId}/records', 'updateCallRecord', 'Update a call record'),
  media('GET', '/conferences', 'getConferences', 'Get Conferences'),
  media('POST', '/conferences', 'createConference', 'Create a Conference'),
  media('GET', '/conferences/{conferenceId}', 'getConference', 'Get a conference'),
  media('POST', '/conferences/{conferenceId}', 'runConferenceControlCommand', 'Perform an action on a conference'),
  media('PUT', '/conferences/{conferenceId}', 'updateConference', 'Update a conference'),
  media('DELETE', '/conferences/{conferenceId}', 'deleteConference', 'Delete a conference'),
  media('GET', '/conferences/{conferenceId}/participants', 'getParticipants', 'Get Participants of a Conference'),
  media('POST', '/conferences/{conferenceId}/participants', 'createParticipant', 'Add a Participant'),
  media('GET', '/conferences/{conferenceId}/participants/{participantId}', 'getParticipant', 'Get a Participant'),
  media('PUT', '/conferences/{conferenceId}/participants/{participantId}', 'updateConferenceParticipant', 'Update a conference participant'),
  media('DELETE', '/conferences/{conferenceId}/participants/{participantId}', 'deleteParticipant', 'Remove a Participant'),
  media(
    'POST',
    '/conferences/{conferenceId}/participants/{participantId}/connections',
    'createParticipantConnection',
    'Creates connection details for this participant',
  ),
  media('GET', '/conferences/content', 'searchConferenceContent', 'Search conferencing resources', CONTENT_SEARCH),
  media('GET', '/endpoints/{endpointId}', 'getEndpoint', 'Get an Endpoint State'),
  media('PUT', '/endpoints/{endpointId}', 'updateEndpoint', 'Change an Endpoint State'),
  media('GET', '/endpoints/{endpointId}/calls', 'getEndpointCalls', 'List Active Calls'),
  media('POST', '/endpoints/{endpointId}/calls', 'createEndpointCall', 'Make a Call'),
  media('GET', '/endpoints/{endpointId}/calls/{callId}', 'getEndpointCall', 'Get an Active Call State'),
  media('PUT', '/endpoints/{endpointId}/calls/{callId}', 'updateCallByEndpointId', 'Change an Active Call State'),
  media('GET', '/recordings', 'getRecordings', 'Get all the recordings in the account'),
  media('GET', '/recordings/{recordingId}', 'getRecording', 'Get the recording meta data and optionally the media file'),
  media('PUT', '/recordings/{recordingId}', 'updateRecording', "Update a recording's metadata"),
  media('DELETE', '/recordings/{recordingId}', 'deleteRecording', 'Delete recording from the system'),
  media('GET', '/users/{userId}/conferences', 'getUserConferences', 'Gets conferences for a given user'),
  media('GET', '/users/{userId}/attendances', 'getUserAttendances', 'Get user meetings attendances', ATTENDANCES),

  // Admin: no spec is published; the operations P-GUIDES names and SWIFT calls.
  documented('admin', 'GET', '/accounts/{accountId}', 'Read an account', 'SWIFT'),
  documented('admin', 'PUT', '/accounts/{accountId}', 'Change an account (accounts take only GET and PUT)', 'P-GUIDES'),
  documented('admin', 'GET', '/accounts/{accountId}/contacts', "List an account's contacts", 'SWIFT'),
  documented('admin', 'GET', '/accounts/{accountId}/contacts/{contactId}', 'Read a contact', 'SWIFT'),
  documented('admin', 'GET', '/users', "List the users of the token's account", 'SWIFT'),
  documented('admin', 'GET', '/users/{userId}', "Read a user of the token's account", 'SWIFT'),
  documented('admin', 'GET', '/users/{userId}/tags/{tagId}', 'Read a tag on a user', 'SWIFT', {
    requests: ['GET User Tag'],
    note: 'The harness reads tags under /accounts/{accountId}/users/{userId}/tags, the account-scoped path of the other user routes.',
  }),
  documented('admin', 'PUT', '/users/{email}/password', 'Ask for a password-reset mail, without a token', 'DF-BOT'),

  // Chat: no spec is published; the operations S-CHAT, WA-BOT and DF-BOT use (2017-09-01 unless marked legacy).
  documented('conversations', 'POST', '/conversations', 'Start a conversation', 'S-CHAT'),
  documented('conversations', 'GET', '/conversations/{conversationId}', 'Read a conversation', 'P-BUILD'),
  documented('conversations', 'DELETE', '/conversations/{conversationId}', 'Delete a conversation', 'S-CHAT'),
  documented('conversations', 'POST', '/conversations/{conversationId}/messages', 'Post a message', 'S-CHAT'),
  documented('conversations', 'GET', '/conversations', 'List conversations (legacy SDK)', 'RN-APP'),
  documented('conversations', 'GET', '/conversations/{conversationId}/messages', 'List messages (legacy SDK)', 'RN-APP'),
  documented('conversations', 'POST', '/conversations/{conversationId}/participants', 'Add a participant (legacy SDK)', 'RN-APP'),
  documented('conversations', 'POST', '/conversations/{conversationId}/attachments', 'Create an attachment (legacy SDK)', 'RN-APP', {
    reason: LEGACY_ATTACHMENTS,
  }),
  documented('conversations', 'PUT', '/conversations/{conversationId}/attachments/{name}/content', "Upload an attachment's content (legacy SDK)", 'RN-APP', {
    reason: LEGACY_ATTACHMENTS,
  }),
  documented('conversations', 'GET', '/conversations/{conversationId}/attachments/{attachmentId}', 'Read an attachment (legacy SDK)', 'RN-APP', {
    reason: LEGACY_ATTACHMENTS,
  }),
  documented('conversations', 'GET', '/conversations/{conversationId}/attachments/{attachmentId}/content', 'Download an attachment (legacy SDK)', 'RN-APP', {
    reason: LEGACY_ATTACHMENTS,
  }),

  // Notifications: no spec is published; the operations S-NOTIF, NOTIF-3P and WS-DOC use.
  documented('notifications', 'POST', '/subscriptions', 'Subscribe to a topic by webhook or websocket', 'S-NOTIF'),
  documented('notifications', 'GET', '/subscriptions', 'List subscriptions', 'NOTIF-3P'),
  documented('notifications', 'DELETE', '/subscriptions/{subscriptionId}', 'End a subscription', 'NOTIF-3P'),
];

// Client authentication for the token endpoint: client_id/client_secret in the body, or an HTTP
// Basic header whose user and password are the form-urlencoded id and secret (AUTH-SPEC
// description, "Client login with basic auth header").
import type { FastifyRequest } from 'fastify';
import { badRequest, unauthorized } from '../../platform/errors';
import { optionalField, type Fields } from '../../platform/request-fields';
import type { ApplicationRecord } from '../../model';
import type { SandboxState } from '../../state';

export interface ClientCredentials {
  clientId?: string;
  clientSecret?: string;
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** Id and secret from an "Authorization: Basic …" header, or undefined when there is none. */
export function basicCredentials(header: string | undefined): ClientCredentials | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) throw badRequest('MissingParameters', 'The Basic Authorization header must carry client_id:client_secret.');
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw badRequest('MissingParameters', 'The Basic Authorization header is not form-urlencoded.');
  }
}

/** CHOICE: body fields win over the Basic header when a client sends both. */
export function clientCredentialsOf(request: FastifyRequest, fields: Fields): ClientCredentials {
  const basic = basicCredentials(request.headers.authorization);
  return {
    clientId: optionalField(fields, 'client_id') ?? basic?.clientId,
    clientSecret: optionalField(fields, 'client_secret') ?? basic?.clientSecret,
  };
}

/**
 * The client a secret proves. The spec's prose answers 401 for a wrong id or secret alike
 * (AUTH-SPEC); CHOICE: both are named ClientSecretMismatch, so the answer does not reveal which
 * client ids exist. The secret is checked before `active`, so only its owner learns the status.
 */
export function authenticateClient(state: SandboxState, credentials: ClientCredentials): ApplicationRecord {
  if (!credentials.clientId || !credentials.clientSecret) {
    throw badRequest('MissingParameters', 'client_id and client_secret are required (in the body or a Basic header).');
  }
  const application = state.applications.get(credentials.clientId);
  if (!application?.clientSecret || application.clientSecret !== credentials.clientSecret) {
    throw unauthorized('ClientSecretMismatch', 'The client id or secret is incorrect.');
  }
  if (!application.active) throw unauthorized('ClientNotActive', 'The client application is not active.');
  return application;
}

// Authorization codes between POST /authorize and the authorization_code grant. Codes are
// uuids (AUTH-SPEC example `d09fea34-…`), short-lived (AUTH-SPEC: "auth codes are only stored for
// a period of time") and single-use (RFC 6749 §4.1.2, which the spec's grant follows).
import { createHash, randomUUID } from 'node:crypto';
import type { AuthCodeRecord } from '../../model';
import type { SandboxState } from '../../state';

export type NewAuthCode = Omit<AuthCodeRecord, 'code' | 'expiresAtMs'>;

export function issueAuthCode(state: SandboxState, details: NewAuthCode): string {
  dropExpired(state);
  const code = randomUUID();
  state.authCodes.set(code, { ...details, code, expiresAtMs: state.now() + state.config.authCodeTtlSeconds * 1000 });
  return code;
}

/**
 * Removes and returns the code's record; undefined when unknown, used or expired. CHOICE: any
 * presentation consumes the code, even one that then fails (wrong client, verifier…), so a
 * leaked code cannot be tried repeatedly.
 */
export function redeemAuthCode(state: SandboxState, code: string): AuthCodeRecord | undefined {
  const record = state.authCodes.get(code);
  state.authCodes.delete(code);
  if (!record || record.expiresAtMs <= state.now()) return undefined;
  return record;
}

/** PKCE S256 (RFC 7636 §4.2): BASE64URL(SHA256(code_verifier)); the only method CloudLink supports. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function dropExpired(state: SandboxState): void {
  const now = state.now();
  for (const [code, record] of state.authCodes) if (record.expiresAtMs <= now) state.authCodes.delete(code);
}

// PKCE (RFC 7636) with the only method CloudLink accepts, S256 (AUTH-SPEC /authorize).
import { createHash, randomBytes } from 'node:crypto';

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function newPkceVerifier(): string {
  return randomBytes(32).toString('base64url');
}

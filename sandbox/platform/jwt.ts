// HS256 JSON Web Tokens with node:crypto only. CloudLink's sample tokens are HS256 JWTs with
// header {"alg":"HS256","typ":"JWT"} (S-AUTH README); a JWT library would hide exactly the
// details (segment encoding, signature comparison, exp in seconds) a harness wants to exercise.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

export type JwtVerification = { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

const HEADER = { alg: 'HS256', typ: 'JWT' };

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function sign(input: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(input).digest();
}

function decodeJsonSegment(segment: string): unknown {
  // base64url decoding in Node silently skips foreign characters, so check the alphabet first:
  // a token with a stray character must be malformed, not "whatever decodes".
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function signJwt(claims: JwtClaims, key: Buffer): string {
  const input = `${encodeSegment(HEADER)}.${encodeSegment(claims)}`;
  return `${input}.${sign(input, key).toString('base64url')}`;
}

/**
 * Checks shape, algorithm, signature and expiry. `nowSeconds` comes from the sandbox clock so
 * tests can move time instead of waiting for it.
 */
export function verifyJwt(token: string, key: Buffer, nowSeconds: number): JwtVerification {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];

  const header = decodeJsonSegment(headerPart);
  const claims = decodeJsonSegment(payloadPart);
  if (!isPlainObject(header) || !isPlainObject(claims)) return { ok: false, reason: 'malformed' };
  // Only HS256 is ever issued; accepting "none" or another alg would let a forged token in.
  if (header.alg !== 'HS256') return { ok: false, reason: 'bad-signature' };
  if (!/^[A-Za-z0-9_-]*$/.test(signaturePart)) return { ok: false, reason: 'malformed' };

  const expected = sign(`${headerPart}.${payloadPart}`, key);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

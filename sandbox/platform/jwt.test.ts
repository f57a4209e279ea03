import { createHmac } from 'node:crypto';
import { signJwt, verifyJwt } from './jwt';

const key = Buffer.from('0123456789abcdef0123456789abcdef');
const NOW = 1_700_000_000;

describe('signJwt / verifyJwt', () => {
  it('round-trips the claims of an unexpired token', () => {
    const token = signJwt({ sub: 'a', exp: NOW + 60 }, key);
    expect(verifyJwt(token, key, NOW)).toEqual({ ok: true, claims: { sub: 'a', exp: NOW + 60 } });
  });

  it('writes the HS256 header CloudLink tokens carry', () => {
    const header = JSON.parse(Buffer.from(signJwt({ exp: NOW }, key).split('.')[0] ?? '', 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('produces a signature any HS256 implementation would accept', () => {
    const [head, body, signature] = signJwt({ exp: NOW + 1 }, key).split('.');
    expect(signature).toBe(createHmac('sha256', key).update(`${head}.${body}`).digest('base64url'));
  });

  it('refuses a token whose payload was changed', () => {
    const [head, , signature] = signJwt({ role: 'USER', exp: NOW + 60 }, key).split('.');
    const forged = Buffer.from(JSON.stringify({ role: 'GLOBAL_ADMIN', exp: NOW + 60 })).toString('base64url');
    expect(verifyJwt(`${head}.${forged}.${signature}`, key, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token signed with another key', () => {
    const token = signJwt({ exp: NOW + 60 }, Buffer.from('another key entirely, 32 bytes!!'));
    expect(verifyJwt(token, key, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an unsigned alg "none" token', () => {
    const head = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ exp: NOW + 60 })).toString('base64url');
    expect(verifyJwt(`${head}.${body}.`, key, NOW).ok).toBe(false);
  });

  it('treats exp as exclusive: a token is expired at its exp second', () => {
    const token = signJwt({ exp: NOW }, key);
    expect(verifyJwt(token, key, NOW - 1).ok).toBe(true);
    expect(verifyJwt(token, key, NOW)).toEqual({ ok: false, reason: 'expired' });
  });

  it('calls garbage malformed', () => {
    expect(verifyJwt('not-a-token', key, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('a.b.c', key, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('e30.e30!.sig', key, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});

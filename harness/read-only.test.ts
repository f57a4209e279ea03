// The read-only switch as a suite meets it: a writing test declared with itWrites is skipped, and
// only reads may be sent. (The whole suites were run with CLOUDLINK_READ_ONLY=true to mark every
// writing test; the client's refusal catches any that is not.)
import { isReadOnly, itWrites, onlyReads, ReadOnlyError } from './read-only';

process.env.CLOUDLINK_READ_ONLY = 'true';
// process.env outlives this file in the jest worker; the next file must not start read-only.
afterAll(() => {
  delete process.env.CLOUDLINK_READ_ONLY;
});

describe('the read-only switch', () => {
  it('is on when CLOUDLINK_READ_ONLY (or read_only in the environment file) says true', () => {
    expect(isReadOnly()).toBe(true);
  });

  itWrites('skips a test declared with itWrites (this one would fail if it ran)', () => {
    throw new Error('itWrites ran a writing test in a read-only run');
  });

  itWrites.each([1, 2])('skips itWrites.each too (case %i)', () => {
    throw new Error('itWrites.each ran in a read-only run');
  });

  it('lets GETs and POSTs marked safe through, and nothing else', () => {
    expect(onlyReads({ method: 'GET' })).toBe(true);
    expect(onlyReads({ method: 'POST', safe: true })).toBe(true);
    expect(onlyReads({ method: 'POST' })).toBe(false);
    expect(onlyReads({ method: 'PUT' })).toBe(false);
    expect(onlyReads({ method: 'DELETE' })).toBe(false);
  });

  it('names the request it refused and what to do', () => {
    expect(new ReadOnlyError('DELETE User', 'DELETE').message).toMatch(/^"DELETE User" \(DELETE\) was not sent: .*itWrites/);
  });
});

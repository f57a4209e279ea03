// The entry every script runs through: a user's mistake is its message and exit 2; --verbose adds
// the stack; anything else keeps its stack and exits 1.
import { Writable } from 'node:stream';
import { UserError } from '../../harness/user-error';
import { settle } from './main';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
  return { stream, text: () => text };
}

describe('settle', () => {
  it('prints a UserError as one line, no stack, and answers 2', async () => {
    const out = capture();
    const code = await settle('drift', () => Promise.reject(new UserError('Unknown option --envv. Did you mean "--env"?')), [], out.stream);
    expect(code).toBe(2);
    expect(out.text()).toBe('drift: Unknown option --envv. Did you mean "--env"?\n');
  });

  it('adds the stack of a UserError under --verbose', async () => {
    const out = capture();
    expect(
      await settle(
        'x',
        () => {
          throw new UserError('bad');
        },
        ['--verbose'],
        out.stream,
      ),
    ).toBe(2);
    expect(out.text()).toMatch(/^x: bad\n\s+at /);
  });

  it('prints any other error with its stack and answers 1', async () => {
    const out = capture();
    expect(
      await settle(
        'x',
        () => {
          throw new Error('socket hang up');
        },
        [],
        out.stream,
      ),
    ).toBe(1);
    expect(out.text()).toMatch(/^x: Error: socket hang up\n\s+at /);
  });

  it("passes a main's own exit code through", async () => {
    expect(await settle('x', () => 0, [])).toBe(0);
    expect(await settle('x', async () => 1, [])).toBe(1);
  });
});

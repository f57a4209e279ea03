// Which top-level describes a `-r` run defines: the ones its name selects, with every nested block.
import { describeSelectedBy, describeSelects } from './request-filter';

/** A stand-in for jest's describe that runs each body at once, as jest does, and notes the titles. */
function recordingDescribe(defined: string[]) {
  const fake = (name: unknown, body: () => void) => {
    defined.push(String(name));
    body();
  };
  return Object.assign(fake, { each: 'each', only: 'only', skip: 'skip' }) as unknown as typeof describe;
}

describe('describeSelects', () => {
  it.each([
    ['POST Token', 'POST Token', true],
    ['POST Token', 'POST', true],
    ['POST Token', 'POST Token returns 201', true],
    ['Scenario: admin', 'Scenario: admin', true],
    ['POST Token', 'POST Tok', false],
    ['POST Token', 'POST Tokens', false],
    ['POST Refresh Token', 'POST Token', false],
  ])('"%s" is selected by -r "%s": %s', (name, request, selected) => {
    expect(describeSelects(name, request)).toBe(selected);
  });
});

describe('describeSelectedBy', () => {
  it('defines only the selected top-level describes, and everything inside them', () => {
    const defined: string[] = [];
    const selected = describeSelectedBy('POST Token', recordingDescribe(defined));
    // The suites call the global describe for nested blocks too, as the returned one stands in for it.
    selected('GET Token', () => selected('nested in an unselected block', () => {}));
    selected('POST Token', () => selected('nested', () => selected('deeper', () => {})));
    selected('POST Tokens', () => {});

    expect(defined).toEqual(['POST Token', 'nested', 'deeper']);
  });

  it('keeps jest’s variants as they are', () => {
    const selected = describeSelectedBy('POST Token', recordingDescribe([]));
    expect([selected.each, selected.only, selected.skip]).toEqual(['each', 'only', 'skip']);
  });

  it('leaves the nesting count right when a body throws, so the next top-level block is filtered again', () => {
    const defined: string[] = [];
    const selected = describeSelectedBy('POST Token', recordingDescribe(defined));
    expect(() =>
      selected('POST Token', () => {
        throw new Error('a broken describe body');
      }),
    ).toThrow('a broken describe body');
    selected('GET Token', () => {});

    expect(defined).toEqual(['POST Token']);
  });
});

// The field transforms that undo specs and the collections' example captures share.
import { transformField } from './undo';

describe('transformField', () => {
  const url = '/media/2017-09-01/endpoints/2001/calls/ab:12';

  it('keeps the value, its last path segment, or its URL-encoded form', () => {
    expect([transformField(url, undefined), transformField(url, 'last'), transformField('ab:12/x', 'encoded')]).toEqual([url, 'ab:12', 'ab%3A12%2Fx']);
  });

  it('names an unknown transform instead of passing the value through', () => {
    expect(() => transformField(url, 'first')).toThrow('unknown field transform "#first"; known are #last and #encoded');
  });
});

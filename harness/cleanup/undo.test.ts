// How an undo is carried out, and the field transforms that undo specs and the collections'
// example captures share.
import type { NamedRequest } from '../client/named-request';
import type { SendOptions } from '../pipeline/types';
import { performUndo, transformField } from './undo';

describe('transformField', () => {
  const url = '/media/2017-09-01/endpoints/2001/calls/ab:12';

  it('keeps the value, its last path segment, or its URL-encoded form', () => {
    expect([transformField(url, undefined), transformField(url, 'last'), transformField('ab:12/x', 'encoded')]).toEqual([url, 'ab:12', 'ab%3A12%2Fx']);
  });

  it('names an unknown transform instead of passing the value through', () => {
    expect(() => transformField(url, 'first')).toThrow('unknown field transform "#first"; known are #last and #encoded');
  });
});

describe('performUndo', () => {
  const named = (name: string): NamedRequest => ({ name, method: 'GET', url: `{{url}}/${name}`, responses: {} });
  const requests = Object.fromEntries(['GET Calls', 'END Call', 'GET Recordings', 'DELETE Recording'].map((name) => [name, named(name)]));

  it('after undoing each listed item, removes what that left, found by the field they share, as the requests’ own user', async () => {
    const sent: string[] = [];
    const answers: Record<string, unknown> = {
      'GET Calls': { _embedded: { items: [{ callId: 'endpoints/7/calls/1' }, { callId: "endpoints/7/calls/o'2" }] } },
      'GET Recordings': { _embedded: { items: [{ recordingId: 'r1' }] } },
    };
    const send = async (request: NamedRequest, options: SendOptions) => {
      sent.push(`${request.name} ${JSON.stringify(options.vars ?? options.query ?? {})}${options.as ? ` as ${options.as}` : ''}`);
      return { status: 200, body: answers[request.name] };
    };

    await performUndo(
      {
        request: 'GET Calls',
        // The calls' maker, a USER, ends them; what they leave is deleted as the requests' own user.
        options: { as: 'second' },
        each: {
          request: 'END Call',
          vars: { callId: 'callId#last' },
          fixed: { action: 'end' },
          then: { list: 'GET Recordings', match: 'callId', undo: 'DELETE Recording', vars: { recordingId: 'recordingId' } },
        },
      },
      requests,
      send,
    );

    expect(sent).toEqual([
      'GET Calls {} as second',
      'END Call {"action":"end","callId":"1"} as second',
      `GET Recordings {"$filter":"callId eq 'endpoints/7/calls/1'"}`,
      'DELETE Recording {"recordingId":"r1"}',
      `END Call {"action":"end","callId":"o'2"} as second`,
      `GET Recordings {"$filter":"callId eq 'endpoints/7/calls/o''2'"}`,
      'DELETE Recording {"recordingId":"r1"}',
    ]);
  });
});

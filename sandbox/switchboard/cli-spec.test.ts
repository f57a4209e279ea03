// The `npm run sandbox` flags: compact and JSON fault specs, drifts and a seed, refused with the
// flag and field named when wrong.
import { parseFaultFlag, switchboardFromFlags } from './cli-spec';

describe('parseFaultFlag', () => {
  it.each([
    ['latency:ms=250,service=media', { kind: 'latency', ms: 250, service: 'media' }],
    [
      'hold-answer:ms=30000,service=chat,method=POST,path=/conversations,next=1',
      { kind: 'hold-answer', ms: 30000, service: 'chat', method: 'POST', path: '/conversations', next: 1 },
    ],
    ['server-error:status=503,share=0.25,method=GET|PUT', { kind: 'server-error', status: 503, share: 0.25, method: ['GET', 'PUT'] }],
    ['reset:next=1,path=/endpoints/:endpointId/calls', { kind: 'reset', next: 1, path: '/endpoints/:endpointId/calls' }],
    ['rate-limit:retryAfterSeconds=5,retryAfterFormat=http-date', { kind: 'rate-limit', retryAfterSeconds: 5, retryAfterFormat: 'http-date' }],
    ['short-tokens:ttlSeconds=30,announce=true', { kind: 'short-tokens', ttlSeconds: 30, announce: true }],
    ['expire-tokens', { kind: 'expire-tokens' }],
    ['{"kind":"server-error","status":500,"service":["chat","media"]}', { kind: 'server-error', status: 500, service: ['chat', 'media'] }],
  ])('reads %s', (text, expected) => {
    expect(parseFaultFlag(text)).toEqual(expected);
  });

  it.each([
    ['server-error:status=418', 'fault.status must be one of 500, 502, 503, 504.'],
    ['latency', 'fault.ms must be an integer'],
    ['hold-answer:service=chat', 'fault.ms must be an integer from 0 to 600000.'],
    ['hold-answer:ms=10,tag=', 'fault.tag must be a non-empty string.'],
    ['hold-answer:ms=10,deliver=true', 'fault.deliver is not a field of this fault'],
    ['boom', 'fault.kind must be one of'],
    ['reset:next', 'next must be written field=value.'],
    ['{"kind":', 'JSON'],
    ['webhook-failure:next=2,service=notifications', 'fault.service is not a field of this fault'],
  ])('refuses %s, naming the flag and the field', (text, message) => {
    expect(() => parseFaultFlag(text)).toThrow(`--fault '${text}': `);
    expect(() => parseFaultFlag(text)).toThrow(message);
  });
});

describe('switchboardFromFlags', () => {
  it('is undefined without switchboard flags', () => {
    expect(switchboardFromFlags({})).toBeUndefined();
  });

  it('builds the start-up configuration', () => {
    expect(switchboardFromFlags({ fault: ['reset:next=1'], drift: ['media.call.state-enum'], seed: '9' })).toEqual({
      faults: [{ kind: 'reset', next: 1 }],
      drifts: ['media.call.state-enum'],
      seed: 9,
    });
  });

  it('names the flag of an unknown drift or a bad seed', () => {
    expect(() => switchboardFromFlags({ drift: ['media.nope'] })).toThrow("--drift: drifts[0] 'media.nope' is not in the drift catalogue");
    expect(() => switchboardFromFlags({ seed: 'abc' })).toThrow('--seed: seed must be an integer');
  });
});

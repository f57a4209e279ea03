// The publicationFilter subset: what it selects over a `{ publications: [...] }` envelope, and
// what it refuses to read.
import { JsonPathError, compileJsonPath } from './json-path';

const envelope = (content: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  publications: [{ topic: 'platform-api-media', method: 'PUT', subject: '/2017-09-01/endpoints/200/calls/1', content, ...extra }],
});
const ringing = envelope({ state: 'ringing', direction: 'inbound', ringTime: 3, endpointId: '200', extraPbxData: { eventType: 'deliveredEvent' } });
const connected = envelope(
  { state: 'connected', direction: 'outbound', ringTime: 12, endpointId: '201' }, { subject: '/2017-09-01/endpoints/201/calls/2' },
);

function selects(filter: string, document: unknown): boolean {
  return compileJsonPath(filter)(document).length > 0;
}

describe('compileJsonPath', () => {
  it('selects S-NOTIF’s ringing filter on a ringing leg and not on a connected one', () => {
    const filter = "$.publications[?(@.content.state == 'ringing')]";
    expect([selects(filter, ringing), selects(filter, connected)]).toEqual([true, false]);
  });

  it.each([
    ["$.publications[?(@.content.state != 'ringing')]", false, true],
    ['$.publications[?(@.content.ringTime < 5)]', true, false],
    ['$.publications[?(@.content.ringTime >= 12)]', false, true],
    ["$.publications[?(@.content.state == 'ringing' && @.content.direction == 'inbound')]", true, false],
    ["$.publications[?(@.content.state == 'held' || @.content.endpointId == \"201\")]", false, true],
    ["$.publications[?(!(@.content.state == 'ringing'))]", false, true],
    ['$.publications[?(@.content.extraPbxData)]', true, false],
    ["$.publications[?(@.content.extraPbxData.eventType == 'deliveredEvent')]", true, false],
    ["$.publications[?(@.content['state'] =~ /^RING/i)]", true, false],
    ["$.publications[?(@.method == 'PUT' && @.subject =~ /endpoints\\/200\\//)]", true, false],
    ["$.publications[?@.content.state == 'ringing']", true, false],
    ['$.publications[0].content.extraPbxData', true, false],
    ['$.publications[*].content.ringTime', true, true],
  ])('%s → ringing %s, connected %s', (filter, onRinging, onConnected) => {
    expect([selects(filter, ringing), selects(filter, connected)]).toEqual([onRinging, onConnected]);
  });

  it('does not coerce types and treats a missing member as nothing', () => {
    expect(selects('$.publications[?(@.content.ringTime == "3")]', ringing)).toBe(false);
    expect(selects("$.publications[?(@.content.missing != 'x')]", ringing)).toBe(true);
    expect(selects('$.publications[?(@.content.missing < 5)]', ringing)).toBe(false);
    expect(selects('$.publications[?(@.content.flag == false)]', envelope({ flag: false }))).toBe(true);
    expect(selects('$.publications[?(@.content.value == null)]', envelope({ value: null }))).toBe(true);
  });

  it.each([
    ['publications', 'starts with $'],
    ['$..state', 'recursive descent'],
    ['$.publications[0:2]', 'slices'],
    ["$.publications[?(length(@.content) > 1)]", 'functions are not supported'],
    ["$.publications[?(@.content.state == 'ringing')", 'expected "]"'],
    ["$.publications[?(@.content.state == 'ringing)]", 'unterminated string'],
    ['$.publications[?(@.content.state =~ /(/)]', 'invalid regular expression'],
    ['$.publications[?(@.content[*] == 1)]', 'singular'],
    ["$.publications[?('ringing')]", 'a literal alone'],
  ])('refuses %s, naming the problem', (filter, problem) => {
    expect(() => compileJsonPath(filter)).toThrow(JsonPathError);
    expect(() => compileJsonPath(filter)).toThrow(problem);
  });
});

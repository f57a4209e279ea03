// The publicationFilter subset: what it selects over a `{ publications: [...] }` envelope, and
// what it refuses to read.
import { JsonPathError, compileJsonPath } from './json-path';
import { MAX_FILTER_LENGTH, MAX_NESTING_DEPTH } from './json-path-parser';

const envelope = (content: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  publications: [{ topic: 'platform-api-media', method: 'PUT', subject: '/2017-09-01/endpoints/200/calls/1', content, ...extra }],
});
const ringing = envelope({ state: 'ringing', direction: 'inbound', ringTime: 3, endpointId: '200', extraPbxData: { eventType: 'deliveredEvent' } });
const connected = envelope({ state: 'connected', direction: 'outbound', ringTime: 12, endpointId: '201' }, { subject: '/2017-09-01/endpoints/201/calls/2' });

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
    ['$.publications[?(@.content.state == \'held\' || @.content.endpointId == "201")]', false, true],
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
    ['$.publications[?(length(@.content) > 1)]', 'functions are not supported'],
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

describe('compileJsonPath limits', () => {
  // Levels counted as the parser does: `[?` is one, each `(` or `!` inside it another.
  const group = (levels: number) => `$.publications[?${'('.repeat(levels - 1)}@.content.extraPbxData${')'.repeat(levels - 1)}]`;
  const nots = (levels: number) => `$.publications[?(${'!'.repeat(levels - 2)}@.content.extraPbxData)]`;
  // A filter inside a path inside a filter: refused as not singular, but only once parsed, so the
  // parser recurses through every level first; each [? counts as one.
  const filters = (levels: number) => `$${'[?@.a'.repeat(levels)}${']'.repeat(levels)}`;

  it(`reads ${MAX_NESTING_DEPTH} levels of ( ), ! or nested filters and refuses one more`, () => {
    expect(selects(group(MAX_NESTING_DEPTH), ringing)).toBe(true);
    expect(selects(nots(MAX_NESTING_DEPTH), ringing)).toBe(true);
    expect(selects(nots(MAX_NESTING_DEPTH - 1), ringing)).toBe(false);
    expect(() => compileJsonPath(filters(MAX_NESTING_DEPTH))).toThrow('singular');
    for (const filter of [group(MAX_NESTING_DEPTH + 1), nots(MAX_NESTING_DEPTH + 1), filters(MAX_NESTING_DEPTH + 1)]) {
      expect(() => compileJsonPath(filter)).toThrow(new RegExp(`nesting deeper than ${MAX_NESTING_DEPTH} levels .* at position \\d+`));
    }
  });

  it(`refuses a filter over ${MAX_FILTER_LENGTH} characters before parsing it`, () => {
    expect(() => compileJsonPath(`$${'.a'.repeat(MAX_FILTER_LENGTH / 2)}`)).toThrow(`longer than ${MAX_FILTER_LENGTH} characters`);
    expect(() => compileJsonPath(`$${'.a'.repeat(MAX_FILTER_LENGTH / 2 - 1)}`)).not.toThrow();
  });
});

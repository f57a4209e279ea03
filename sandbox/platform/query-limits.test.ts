// The bounds on `$filter`: a nested or very long expression is a 400 in the platform shape on
// every list, never the 500 a stack overflow in the recursive parser used to give.
import { CORRELATION_HEADER } from './correlation-id';
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, applyOData, parseOData } from './odata';
import { bearer, login, testSandbox, type TestSandbox } from '../test-support';

interface Row {
  name: string;
  age: number;
}
const rows: Row[] = [
  { name: 'a', age: 1 },
  { name: 'b', age: 2 },
];
const filtered = ($filter: string) => applyOData(rows, parseOData({ $filter }, { allow: ['$filter'] })).map((row) => row.name);
const refused = (message: string) => expect.objectContaining({ statusCode: 400, name: 'InvalidQuery', message: expect.stringContaining(message) });
const parens = (levels: number, inner = "name eq 'a'") => `${'('.repeat(levels)}${inner}${')'.repeat(levels)}`;

describe('$filter limits in the parser', () => {
  it(`reads ${MAX_FILTER_DEPTH} levels of parentheses or 'not' and refuses one more, naming the limit`, () => {
    expect(filtered(parens(MAX_FILTER_DEPTH))).toEqual(['a']);
    expect(filtered(`${'not '.repeat(MAX_FILTER_DEPTH)}age gt 1`)).toEqual(['b']);
    expect(() => filtered(parens(MAX_FILTER_DEPTH + 1))).toThrow(refused(`deeper than ${MAX_FILTER_DEPTH} levels`));
    expect(() => filtered(`${'not '.repeat(MAX_FILTER_DEPTH + 1)}age gt 1`)).toThrow(refused(`${MAX_FILTER_DEPTH}`));
    // Mixed nesting counts both kinds on one path.
    expect(() => filtered(`${'not ('.repeat(17)}age gt 1${')'.repeat(17)}`)).toThrow(refused('deeper'));
  });

  it('counts depth, not the number of groups: many shallow groups side by side are fine', () => {
    const wide = Array.from({ length: 100 }, () => "(name eq 'b')").join(' or ');
    expect(filtered(wide)).toEqual(['b']);
  });

  it(`reads ${MAX_FILTER_LENGTH} characters and refuses one more, saying how long it was`, () => {
    const exact = `age eq 2 or name eq '${'x'.repeat(MAX_FILTER_LENGTH - "age eq 2 or name eq ''".length)}'`;
    expect(exact).toHaveLength(MAX_FILTER_LENGTH);
    expect(filtered(exact)).toEqual(['b']);
    expect(() => filtered(`${exact} `)).toThrow(refused(`${MAX_FILTER_LENGTH + 1} characters long; the sandbox reads at most ${MAX_FILTER_LENGTH}`));
  });

  it('evaluates long and/or chains, which the parser keeps flat, with and binding tighter', () => {
    const chain = (op: string, term: string) => Array.from({ length: 150 }, () => term).join(` ${op} `);
    expect(chain('and', 'age gt 0').length).toBeLessThanOrEqual(MAX_FILTER_LENGTH);
    expect(filtered(chain('and', 'age gt 0'))).toEqual(['a', 'b']);
    expect(filtered(`${chain('and', 'age gt 0')} and age gt 1`)).toEqual(['b']);
    expect(filtered(`${chain('or', 'age gt 5')} or name eq 'a'`)).toEqual(['a']);
    expect(filtered(`${chain('or', 'age gt 5')} or name eq 'a' and age eq 2 or name eq 'b'`)).toEqual(['b']);
  });
});

describe('$filter limits over HTTP', () => {
  let sandbox: TestSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await testSandbox();
    token = (await login(sandbox, 'primary')).access_token;
  });
  afterAll(() => sandbox.close());

  const lists = () => [
    '/chat/2017-09-01/conversations',
    `/admin/2017-09-01/accounts/${sandbox.user('primary').accountId}/users`,
    '/media/2017-09-01/calls',
    '/notifications/2017-09-01/subscriptions',
    '/authentication/2017-09-01/apps',
  ];

  it('answers 2,000 nested parentheses with 400 {name, message} and a correlation id on every list', async () => {
    // The reproduction: this used to overflow the parser and answer 500.
    const deep = encodeURIComponent(parens(2000));
    for (const path of lists()) {
      const response = await sandbox.send({ method: 'GET', url: `${path}?$filter=${deep}`, headers: bearer(token) });
      expect({ path, status: response.statusCode }).toEqual({ path, status: 400 });
      expect(response.json()).toEqual({ name: expect.any(String), message: expect.any(String) });
      expect(response.headers[CORRELATION_HEADER]).toBeTruthy();
    }
  });

  it('answers a short filter nested one level too deep with 400 InvalidQuery naming the depth', async () => {
    const deep = encodeURIComponent(parens(MAX_FILTER_DEPTH + 1));
    for (const path of lists().slice(0, 4)) {
      const response = await sandbox.send({ method: 'GET', url: `${path}?$filter=${deep}`, headers: bearer(token) });
      expect({ path, status: response.statusCode }).toEqual({ path, status: 400 });
      expect(response.json()).toEqual({ name: 'InvalidQuery', message: expect.stringContaining(`deeper than ${MAX_FILTER_DEPTH} levels`) });
    }
  });

  it('answers an over-long $filter with 400 InvalidQuery naming the limit on every list', async () => {
    const long = encodeURIComponent(`name eq '${'y'.repeat(MAX_FILTER_LENGTH)}'`);
    for (const path of lists()) {
      const response = await sandbox.send({ method: 'GET', url: `${path}?$filter=${long}`, headers: bearer(token) });
      expect({ path, status: response.statusCode }).toEqual({ path, status: 400 });
      expect(response.json()).toEqual({ name: 'InvalidQuery', message: expect.stringContaining(`at most ${MAX_FILTER_LENGTH}`) });
    }
  });
});

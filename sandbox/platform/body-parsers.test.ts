import { parseFormBody, parseJsonBody } from './body-parsers';
import { gatewayMiss } from './gateway';
import { halPage, parseODataQuery } from './hal';

describe('parseFormBody', () => {
  it('decodes application/x-www-form-urlencoded, "+" as space', () => {
    expect({ ...parseFormBody('grant_type=password&username=a%40b.com&name=A+B') }).toEqual({
      grant_type: 'password',
      username: 'a@b.com',
      name: 'A B',
    });
  });

  it('keeps the first value of a repeated field and stays a plain data holder', () => {
    const fields = parseFormBody('a=1&a=2&__proto__=x');
    expect(fields.a).toBe('1');
    expect(fields['__proto__']).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseJsonBody', () => {
  it('reads an empty body as no body rather than malformed JSON', () => {
    expect(parseJsonBody('  ')).toBeUndefined();
  });

  it('throws a 400 MalformedJSON SandboxError for invalid JSON', () => {
    expect(() => parseJsonBody('{')).toThrow(expect.objectContaining({ statusCode: 400, name: 'MalformedJSON' }));
  });
});

describe('gatewayMiss', () => {
  it('uses only the first token after the scheme', () => {
    expect(gatewayMiss('Bearer  tok extra').message).toBe(
      "'tok' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer  tok extra'.",
    );
  });
});

describe('OData paging and HAL pages', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('pages with $top/$skip and links the next page', () => {
    const page = halPage(items, parseODataQuery({ $top: '2', $skip: '1' }, { filter: false }), '/svc/things');
    expect(page).toEqual({
      count: 2,
      _links: { self: '/svc/things?$skip=1&$top=2', next: '/svc/things?$skip=3&$top=2' },
      _embedded: { items: ['b', 'c'] },
    });
  });

  it('has no next link on the last page', () => {
    const page = halPage(items, parseODataQuery({ $top: '2', $skip: '4' }, { filter: false }), '/svc/things');
    expect(page._links.next).toBeUndefined();
    expect(page._embedded.items).toEqual(['e']);
  });

  it('refuses unsupported $ parameters and bad numbers with 400 UnsupportedQueryParameters', () => {
    for (const query of [{ $orderby: 'name' }, { $top: '-1' }, { $top: '0' }, { $skip: 'x' }, { $filter: 'a' }]) {
      expect(() => parseODataQuery(query, { filter: false })).toThrow(expect.objectContaining({ statusCode: 400, name: 'UnsupportedQueryParameters' }));
    }
  });

  it('caps $top at the maximum page size', () => {
    expect(parseODataQuery({ $top: '5000' }, { filter: false }).top).toBe(100);
  });
});

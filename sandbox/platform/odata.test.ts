// The shared OData module: option checks, the $filter and $orderby languages, $expand, and paging
// by $skip and by $skiptoken without losing or repeating an item.
import { applyOData, pageOf, parseOData, type HalCollection, type ODataOption, type ODataOptions } from './odata';

interface Person {
  id: string;
  name: string;
  age: number | null;
  admin: boolean;
  team?: { city: string };
}

const people: Person[] = [
  { id: 'p1', name: 'Alex', age: 41, admin: true, team: { city: 'Ottawa' } },
  { id: 'p2', name: "Sam O'Neil", age: 29, admin: false, team: { city: 'Kanata' } },
  { id: 'p3', name: 'Uma', age: null, admin: false },
  { id: 'p4', name: 'Pat', age: 35, admin: true, team: { city: 'Ottawa' } },
  { id: 'p5', name: 'alex lower', age: 29, admin: false },
];
const ALL: ODataOption[] = ['$top', '$skip', '$skiptoken', '$filter', '$orderby', '$expand'];
const options: ODataOptions<Person> = { allow: ALL, expand: ['tags', 'media'], key: (p) => p.id };

const ids = (query: Record<string, string>, extra: Partial<ODataOptions<Person>> = {}) =>
  applyOData(people, parseOData(query, { ...options, ...extra })).map((p) => p.id);
const refusal = (name: string, message?: string) =>
  expect.objectContaining({ statusCode: 400, name, ...(message ? { message: expect.stringContaining(message) } : {}) });

describe('parseOData: options', () => {
  it('defaults to 100 items from the start and caps $top at 100', () => {
    expect(parseOData({}, options)).toMatchObject({ top: 100, skip: 0, expand: [], paging: 'skip' });
    expect(parseOData({ $top: '5000', $skip: '3' }, options)).toMatchObject({ top: 100, skip: 3 });
  });

  it('refuses options the route does not allow with UnsupportedQueryParameters naming them', () => {
    expect(() => parseOData({ $orderby: 'name', $select: 'x' }, { allow: ['$top'] })).toThrow(refusal('UnsupportedQueryParameters', '$orderby, $select'));
  });

  it.each([
    ['$top', '-1'],
    ['$top', '0'],
    ['$top', '1.5'],
    ['$skip', 'x'],
    ['$top', ''],
  ])('refuses %s=%s as UnsupportedQueryParameters', (name, value) => {
    expect(() => parseOData({ [name]: value }, options)).toThrow(refusal('UnsupportedQueryParameters', name));
  });

  it('refuses a repeated option and $skip with $skiptoken as InvalidQuery', () => {
    expect(() => parseOData({ $top: ['1', '2'] }, options)).toThrow(refusal('InvalidQuery', 'more than once'));
    expect(() => parseOData({ $skip: '1', $skiptoken: 'abc' }, options)).toThrow(refusal('InvalidQuery', 'not both'));
  });

  it('reads $expand against the route’s list', () => {
    expect(parseOData({ $expand: 'media, tags,media' }, options).expand).toEqual(['media', 'tags']);
    expect(() => parseOData({ $expand: 'photos' }, options)).toThrow(refusal('UnsupportedQueryParameters', "'photos'"));
    expect(() => parseOData({ $expand: 'tags($top=1)' }, options)).toThrow(refusal('UnsupportedQueryParameters', 'nested'));
    expect(() => parseOData({ $expand: 'a b' }, options)).toThrow(refusal('InvalidQuery'));
  });
});

describe('$filter', () => {
  it.each([
    ["name eq 'Alex'", ['p1']],
    ["name ne 'Alex'", ['p2', 'p3', 'p4', 'p5']],
    ['age gt 30', ['p1', 'p4']],
    ['age ge 35', ['p1', 'p4']],
    ['age lt 35', ['p2', 'p5']],
    ['age le 29', ['p2', 'p5']],
    ['age eq null', ['p3']],
    ['admin eq true and age gt 40', ['p1']],
    ["admin eq true or name eq 'Uma'", ['p1', 'p3', 'p4']],
    ["name eq 'Uma' or admin and age lt 40", ['p3', 'p4']],
    ["(name eq 'Uma' or admin) and age lt 40", ['p4']],
    ['not admin', ['p2', 'p3', 'p5']],
    ['not (age gt 30 or age eq null)', ['p2', 'p5']],
    ["contains(name, 'lex')", ['p1', 'p5']],
    ["startswith(name, 'Sam') or endswith(name, 'lower')", ['p2', 'p5']],
    ["name eq 'Sam O''Neil'", ['p2']],
    ["team/city eq 'Ottawa'", ['p1', 'p4']],
    ['team/city eq null', ['p3', 'p5']],
    ["age GT 30 AND Contains(name, 'at')", ['p4']],
    [`"admin eq false"`, ['p2', 'p3', 'p5']],
    ["name gt 'P'", ['p2', 'p3', 'p4', 'p5']],
    ["age gt '30'", []],
    ['age eq 29.0', ['p2', 'p5']],
  ])('%s', (filter, expected) => {
    expect(ids({ $filter: filter })).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ["name eq 'Alex", 'unterminated'],
    ['name eq', 'ends too early'],
    ["name eq 'a' and", 'ends too early'],
    ["(name eq 'a'", 'ends too early'],
    ["name eq 'a')", "unexpected ')' at position 12"],
    ["name 'a'", "unexpected ''a'' at position 6"],
    ['name == 1', "unexpected character '='"],
    ['contains(name)', 'two arguments'],
    ['age eq and', "unexpected 'and'"],
  ])('refuses %j as InvalidQuery (%s)', (filter, message) => {
    expect(() => parseOData({ $filter: filter }, options)).toThrow(refusal('InvalidQuery', message));
  });

  it('names unsupported operators and functions as UnsupportedQueryParameters', () => {
    expect(() => parseOData({ $filter: "name in ('a')" }, options)).toThrow(refusal('UnsupportedQueryParameters', "'in'"));
    expect(() => parseOData({ $filter: "tolower(name) eq 'a'" }, options)).toThrow(refusal('UnsupportedQueryParameters', "'tolower'"));
  });

  it('limits fields to the route’s accessors when it declares them', () => {
    const fields = { fullName: (p: Person) => p.name, city: (p: Person) => p.team?.city };
    expect(ids({ $filter: "city eq 'Kanata'" }, { fields })).toEqual(['p2']);
    expect(ids({ $filter: "contains(fullName, 'Uma')" }, { fields })).toEqual(['p3']);
    expect(() => parseOData({ $filter: "name eq 'x'" }, { ...options, fields })).toThrow(refusal('UnsupportedQueryParameters', "unknown field 'name'"));
    expect(ids({ $filter: 'age gt 40' }, { fields: ['age'] })).toEqual(['p1']);
  });
});

describe('$orderby', () => {
  it('sorts ascending by default, nulls first, ties in the route’s order', () => {
    expect(ids({ $orderby: 'age' })).toEqual(['p3', 'p2', 'p5', 'p4', 'p1']);
    expect(ids({ $orderby: 'admin desc' })).toEqual(['p1', 'p4', 'p2', 'p3', 'p5']);
  });

  it('takes a comma list with asc/desc per field and sorts strings ordinally', () => {
    expect(ids({ $orderby: 'age desc, name asc' })).toEqual(['p1', 'p4', 'p2', 'p5', 'p3']);
    expect(ids({ $orderby: 'name' })).toEqual(['p1', 'p4', 'p2', 'p3', 'p5']);
    expect(ids({ $filter: 'admin', $orderby: 'team/city desc,name DESC' })).toEqual(['p4', 'p1']);
  });

  it('refuses a malformed or unknown field', () => {
    expect(() => parseOData({ $orderby: 'name sideways' }, options)).toThrow(refusal('InvalidQuery', 'name sideways'));
    expect(() => parseOData({ $orderby: 'name,' }, options)).toThrow(refusal('InvalidQuery'));
    expect(() => parseOData({ $orderby: 'size' }, { ...options, fields: ['name'] })).toThrow(refusal('UnsupportedQueryParameters', "'size'"));
  });
});

describe('pageOf with $skip', () => {
  it('answers a HAL page whose links re-encode the whole query', () => {
    const q = parseOData({ $top: '2', $filter: "name ne 'Uma'", $orderby: 'age desc', $expand: 'tags', me: 'yes' }, options);
    const page = pageOf(people, q, '/svc/people', (p) => p.name);
    const rest = `$top=2&$filter=${encodeURIComponent("name ne 'Uma'")}&$orderby=age%20desc&$expand=tags&me=yes`;
    expect(page).toEqual({
      count: 2,
      _links: { self: `/svc/people?$skip=0&${rest}`, next: `/svc/people?$skip=2&${rest}` },
      _embedded: { items: ['Alex', 'Pat'] },
    });
  });

  it('has no next link on the last page and an empty page past the end', () => {
    expect(pageOf(people, parseOData({ $skip: '3', $top: '2' }, options), '/p')._links.next).toBeUndefined();
    expect(pageOf(people, parseOData({ $skip: '9' }, options), '/p')).toMatchObject({ count: 0, _embedded: { items: [] } });
  });

  it('walks every page of a filtered, ordered list once', () => {
    const seen: string[] = [];
    let link: string | undefined = '/p?$top=1&$orderby=name&$filter=age%20ne%20null';
    while (link) {
      const query = Object.fromEntries(new URLSearchParams(link.split('?')[1]));
      const page: HalCollection<Person> = pageOf(people, parseOData(query, options), '/p');
      seen.push(...page._embedded.items.map((p) => p.id));
      link = page._links.next;
    }
    expect(seen).toEqual(['p1', 'p4', 'p2', 'p5']);
  });
});

describe('pageOf with $skiptoken', () => {
  const tokenOnly: ODataOptions<Person> = { allow: ['$top', '$skiptoken', '$filter', '$orderby'], key: (p) => p.id };
  const follow = (list: readonly Person[], link: string) =>
    pageOf(list, parseOData(Object.fromEntries(new URLSearchParams(link.split('?')[1])), tokenOnly), '/p');

  it('links pages by an opaque token when the route pages by token', () => {
    const first = pageOf(people, parseOData({ $top: '2' }, tokenOnly), '/p');
    expect(first._links.self).toBe('/p?$top=2');
    expect(first._links.next).toMatch(/^\/p\?\$skiptoken=[A-Za-z0-9_-]+&\$top=2$/);
    const second = follow(people, first._links.next ?? '');
    expect(second._links.self).toBe(first._links.next);
    expect(second._embedded.items.map((p) => p.id)).toEqual(['p3', 'p4']);
  });

  it('neither loses nor repeats an item when the list changes between pages', () => {
    const list = [...people];
    const first = pageOf(list, parseOData({ $top: '2', $orderby: 'name' }, tokenOnly), '/p');
    list.unshift({ id: 'p0', name: 'Aaron', age: 50, admin: false }); // sorts before the page already served
    list.splice(
      list.findIndex((p) => p.id === 'p4'),
      1,
    ); // and one already served disappears
    const seen = first._embedded.items.map((p) => p.id);
    let link = first._links.next;
    while (link) {
      const page = follow(list, link);
      seen.push(...page._embedded.items.map((p) => p.id));
      link = page._links.next;
    }
    expect(seen).toEqual(['p1', 'p4', 'p2', 'p3', 'p5']);
  });

  it('falls back to the offset when the last item served is gone', () => {
    const first = pageOf(people, parseOData({ $top: '2' }, tokenOnly), '/p');
    const rest = follow(
      people.filter((p) => p.id !== 'p2'),
      first._links.next ?? '',
    );
    expect(rest._embedded.items.map((p) => p.id)).toEqual(['p4', 'p5']);
  });

  it('refuses a forged token and a token replayed with another $filter', () => {
    expect(() => parseOData({ $skiptoken: 'bm9wZQ' }, tokenOnly)).toThrow(refusal('InvalidQuery', 'not a token'));
    expect(() => parseOData({ $skiptoken: 'a.b' }, tokenOnly)).toThrow(refusal('InvalidQuery'));
    const next = pageOf(people, parseOData({ $top: '1' }, tokenOnly), '/p')._links.next ?? '';
    const token = new URLSearchParams(next.split('?')[1]).get('$skiptoken') ?? '';
    expect(() => parseOData({ $skiptoken: token, $filter: 'admin' }, tokenOnly)).toThrow(refusal('InvalidQuery', 'another $filter'));
  });
});

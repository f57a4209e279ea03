// Newman's --iteration-data files: CSV with a header row, or a JSON array of objects. Each mistake
// names the file and the line or row.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userErrorMessage } from '../../harness/jest/user-error-message';
import { readIterationData } from './iteration-data';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

const messageOf = (target: string): string => userErrorMessage(() => readIterationData(target));

describe('readIterationData', () => {
  it('reads CSV with quoted fields, doubled quotes, commas and CRLF', () => {
    const rows = readIterationData(file('ok.csv', 'username,x-mitel-app\r\nann,"app=a,b"\r\n"b""ob",\r\n'));
    expect(rows).toEqual([
      { username: 'ann', 'x-mitel-app': 'app=a,b' },
      { username: 'b"ob', 'x-mitel-app': '' },
    ]);
  });

  it('reads JSON rows, numbers and booleans as text', () => {
    expect(readIterationData(file('ok.json', '[{"username": "ann", "retry_attempts": 2, "read_only": true}]'))).toEqual([
      { username: 'ann', retry_attempts: '2', read_only: 'true' },
    ]);
  });
});

describe('readIterationData: bad input (docs/errors.md)', () => {
  const where = (name: string) => `Iteration data ${path.join(dir, name)} (--iteration-data)`;
  it.each([
    ['a missing file', () => path.join(dir, 'nope.csv'), (n: string) => `${where(n)} cannot be read (ENOENT).`, 'nope.csv'],
    [
      'a directory',
      () => (mkdirSync(path.join(dir, 'rows.csv')), path.join(dir, 'rows.csv')),
      (n: string) => `${where(n)} is a directory; name a .csv or .json file.`,
      'rows.csv',
    ],
    ['an unknown extension', () => file('rows.txt', 'a\n1\n'), (n: string) => `${where(n)}: expected a .csv or .json file, not ".txt".`, 'rows.txt'],
    [
      'JSON with a syntax error',
      () => file('bad.json', '[\n  {"a": 1,}\n]'),
      (n: string) => `${where(n)} is not valid JSON: unexpected "}" at line 2, column 11.`,
      'bad.json',
    ],
    [
      'JSON that is not an array',
      () => file('obj.json', '{"a": 1}'),
      (n: string) => `${where(n)} must be a JSON array of objects, one per iteration.`,
      'obj.json',
    ],
    [
      'a JSON row that is not an object',
      () => file('row.json', '[{"a": "1"}, 7]'),
      (n: string) => `${where(n)}: row [1] is not an object of variable: value.`,
      'row.json',
    ],
    [
      'a JSON value that is an object',
      () => file('nested.json', '[{"a": {"b": 1}}]'),
      (n: string) => `${where(n)}: row [0] "a" must be a string, number or boolean.`,
      'nested.json',
    ],
    ['an empty JSON array', () => file('empty.json', '[]'), (n: string) => `${where(n)} has no rows: nothing to iterate over.`, 'empty.json'],
    [
      'a CSV row with too many fields',
      () => file('wide.csv', 'a,b\n1,2\n1,2,3\n'),
      (n: string) => `${where(n)}, line 3: 3 fields, but the header names 2.`,
      'wide.csv',
    ],
    ['a CSV quoted field never closed', () => file('open.csv', 'a\n"1\n'), (n: string) => `${where(n)}, line 2: a quoted field is never closed.`, 'open.csv'],
    [
      'a CSV quote inside an unquoted field',
      () => file('stray.csv', 'a\n1"2\n'),
      (n: string) => `${where(n)}, line 2: a quote inside an unquoted field; quote the whole field and double the quote ("").`,
      'stray.csv',
    ],
    [
      'a CSV header with a blank name',
      () => file('blank.csv', 'a,,c\n1,2,3\n'),
      (n: string) => `${where(n)}, line 1: column 2 of the header has no name.`,
      'blank.csv',
    ],
    ['a CSV with a header and no rows', () => file('header.csv', 'a,b\n'), (n: string) => `${where(n)} has no rows: nothing to iterate over.`, 'header.csv'],
  ])('%s', (_kind, make, expected, name) => {
    expect(messageOf(make())).toBe(expected(name));
  });
});

import { EnvironmentError } from './errors';
import { jsonErrorOffset, jsonSyntaxProblem, lineAndColumn } from './json-position';
import { parsePostmanEnvironment } from './postman-file';
import { postmanDoc, thrown } from './temp-root';

const FILE = '/x/environments/broken.postman_environment.json';
const parse = (doc: unknown) => parsePostmanEnvironment(typeof doc === 'string' ? doc : JSON.stringify(doc), FILE);
const problemsOf = (doc: unknown): readonly string[] => {
  const error = thrown(() => parse(doc));
  expect(error).toBeInstanceOf(EnvironmentError);
  expect(error.message).toContain(FILE);
  return (error as EnvironmentError).problems;
};

describe('parsePostmanEnvironment', () => {
  it('reads a Postman export, keeping the type of each enabled value', () => {
    const doc = postmanDoc('CloudLink', [
      { key: 'auth_url', value: 'https://authentication.api.mitel.io/2017-09-01' },
      { key: 'password', value: '', type: 'secret' },
    ]);
    expect(parse(doc)).toEqual({
      name: 'CloudLink',
      values: [
        { key: 'auth_url', value: 'https://authentication.api.mitel.io/2017-09-01', type: 'default' },
        { key: 'password', value: '', type: 'secret' },
      ],
    });
  });

  it('accepts the legacy "text" type, a missing type and a missing value, and a leading BOM', () => {
    const text = '\uFEFF' + JSON.stringify({ name: 'old', values: [{ key: 'a', value: '1', type: 'text' }, { key: 'b' }] });
    expect(parse(text).values).toEqual([
      { key: 'a', value: '1', type: 'text' },
      { key: 'b', value: '', type: undefined },
    ]);
  });

  it('leaves out disabled values, and a disabled duplicate is no duplicate', () => {
    const doc = postmanDoc('e', [
      { key: 'username', value: 'old', enabled: false },
      { key: 'username', value: 'new' },
      { key: 'x', value: 'off', enabled: false },
    ]);
    expect(parse(doc).values).toEqual([{ key: 'username', value: 'new', type: 'default' }]);
  });

  it('reports text that is not JSON with its line and column', () => {
    expect(problemsOf('{\n  "name": "e",\n  "values": [,]\n}')).toEqual(['not JSON: unexpected "," at line 3, column 14']);
    expect(problemsOf('{"name": "e"')).toEqual(['not JSON: the text ends early at line 1, column 13']);
  });

  it('reports a document that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual(['the file is an array, not a JSON object with "name" and "values"']);
    expect(problemsOf('null')).toEqual(['the file is null, not a JSON object with "name" and "values"']);
  });

  it('reports a missing name and missing values', () => {
    expect(problemsOf({})).toEqual(['"name" is missing', '"values" is missing']);
    expect(problemsOf({ name: '', values: {} })).toEqual(['"name" must be a non-empty string, not the string ""', '"values" must be an array, not an object']);
  });

  it('reports a collection or globals file by its scope', () => {
    expect(problemsOf({ name: 'g', values: [], _postman_variable_scope: 'globals' })).toEqual([
      '"_postman_variable_scope" is "globals": this is not an environment export (expected "environment")',
    ]);
  });

  it('reports every bad entry in one error, each by index and key', () => {
    const doc = {
      name: 'e',
      values: [
        { value: 'no key' },
        'not an entry',
        { key: 'port', value: 8080 },
        { key: 'flag', value: 'x', type: 'boolean' },
        { key: 'on', value: 'x', enabled: 'yes' },
        { key: 'username', value: 'a' },
        { key: 'username', value: 'b' },
        { key: 'x-mitel-app', value: 'a' },
        { key: 'x_mitel_app', value: 'b' },
      ],
    };
    const error = thrown(() => parse(doc)) as EnvironmentError;
    expect(error.problems).toEqual([
      'values[0] has no "key"',
      'values[1] must be an object with "key" and "value", not the string "not an entry"',
      'values[2] ("port") "value" must be a string, not the number 8080',
      'values[3] ("flag") has unknown "type" "boolean" (expected "default" or "secret")',
      'values[4] ("on") "enabled" must be true or false, not the string "yes"',
      'values[6] ("username") duplicates the key of values[5]',
      'values[8] ("x_mitel_app") and "x-mitel-app" share the override name CLOUDLINK_X_MITEL_APP; rename one',
    ]);
    expect(error.message).toContain('(7 problems)');
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });
});

describe('jsonErrorOffset', () => {
  it.each([['{"a": [1, 2.5e-3, true, false, null, "\\u00e9\\n"]}'], ['  "just a string"  '], ['-0']])('finds nothing wrong in valid JSON %s', (text) => {
    expect(jsonErrorOffset(text)).toBe(-1);
  });

  it.each([
    ['{"a": }', 6],
    ['{"a" 1}', 5],
    ['[1, 2,]', 6],
    ['{"a": tru}', 9],
    ['{"a": 01}', 7],
    ['{"a": "\\x"}', 8],
    ['{} {}', 3],
    ['{"a": [1, 2', 11],
  ])('points at the first bad character of %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    expect(() => JSON.parse(text)).toThrow();
  });
});

describe('jsonSyntaxProblem', () => {
  it('names the first bad character, or the early end, with its line and column', () => {
    expect(jsonSyntaxProblem('{\n  "a": }')).toBe('unexpected "}" at line 2, column 8');
    expect(jsonSyntaxProblem('{"a": [1')).toBe('the text ends early at line 1, column 9');
  });
});

describe('lineAndColumn', () => {
  it('counts from 1 as editors do', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

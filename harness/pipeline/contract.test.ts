// The contract step's verdicts on answers, without a server: what it flags and what it lets pass.
import { contractProblems } from './contract';

const named = { name: 'GET Token', responses: { 200: 'authentication/claims', 401: '_shared/error' } };
const json = { 'content-type': 'application/json; charset=utf-8' };

describe('contractProblems', () => {
  it('passes a declared status whose body keeps its schema', () => {
    expect(contractProblems(named, { status: 401, headers: json, body: { name: 'Unauthorized', message: 'no token' } })).toEqual([]);
  });

  it('flags a status the collection does not declare, listing the declared ones', () => {
    expect(contractProblems(named, { status: 418, headers: json, body: {} })).toEqual([
      '"GET Token" answered 418, a status its collection does not declare (declared: 200, 401)',
    ]);
  });

  it('lets the transient statuses of a busy platform through: the test’s own assertion reports them', () => {
    for (const status of [429, 502, 503, 504]) expect(contractProblems(named, { status, headers: json, body: undefined })).toEqual([]);
  });

  it('flags a body that breaks the declared schema, with the JSON pointer of the problem', () => {
    const [problem] = contractProblems(named, { status: 401, headers: json, body: { name: 'Unauthorized', message: 42 } });
    expect(problem).toMatch(/^"GET Token" answered 401 with a body that breaks schema _shared\/error: at \/message: must be string/);
  });

  it('flags a JSON answer typed other than application/json', () => {
    const problems = contractProblems(named, { status: 401, headers: { 'content-type': 'application/problem+json' }, body: { name: 'x', message: 'y' } });
    expect(problems).toEqual(['"GET Token" answered 401 with Content-Type application/problem+json, not application/json']);
  });
});

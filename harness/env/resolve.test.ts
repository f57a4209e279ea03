import { UnresolvedVariableError, VariableCycleError } from './errors';
import { resolveForm, resolveJson, resolveTemplate, type Scope } from './resolve';
import { thrown } from './temp-root';

const context = { request: 'POST Token' };
const environment = { auth_url: 'https://authentication.api.mitel.io/2017-09-01', username: 'ada', accountId: 'acc-1' };

describe('resolveTemplate', () => {
  it('replaces each {{name}} from the first scope that defines it', () => {
    const request = { username: 'bob' };
    expect(resolveTemplate('{{auth_url}}/token?u={{username}}', [request, environment], context)).toBe(
      'https://authentication.api.mitel.io/2017-09-01/token?u=bob',
    );
  });

  it('counts a variable defined as empty as defined', () => {
    expect(resolveTemplate('[{{accountId}}]', [{ accountId: '' }, environment], context)).toBe('[]');
  });

  it('leaves single-brace path parameters alone', () => {
    expect(resolveTemplate('{{auth_url}}/accounts/{accountId}/users/{userId}', [environment], context)).toBe(
      'https://authentication.api.mitel.io/2017-09-01/accounts/{accountId}/users/{userId}',
    );
  });

  it('resolves values that themselves hold variables, against all scopes', () => {
    const scopes: Scope[] = [{ base: '{{auth_url}}/accounts/{{accountId}}' }, { ...environment, accountId: '{{tenant}}', tenant: 't-9' }];
    expect(resolveTemplate('{{base}}/users', scopes, context)).toBe('https://authentication.api.mitel.io/2017-09-01/accounts/t-9/users');
  });

  it('names the whole cycle when variables refer back to themselves', () => {
    const error = thrown(() => resolveTemplate('x {{a}}', [{ a: '{{b}}', b: 'y{{c}}', c: '{{a}}' }], context)) as VariableCycleError;
    expect(error).toBeInstanceOf(VariableCycleError);
    expect(error.cycle).toEqual(['a', 'b', 'c', 'a']);
    expect(error.message).toBe('Request "POST Token": variables refer to each other in a cycle: {{a}} → {{b}} → {{c}} → {{a}}.');
    expect(() => resolveTemplate('{{self}}', [{ self: 'again {{self}}' }], context)).toThrow('{{self}} → {{self}}');
  });

  it('reports every unresolved variable with the request, including nested ones', () => {
    const error = thrown(() =>
      resolveTemplate(
        '{{auth_url}}/applications/{{applicationId}}?x={{nested}}&y={{applicationId}}&z={{$nope}}',
        [{ nested: '{{deep}}' }, environment],
        context,
      ),
    ) as UnresolvedVariableError;
    expect(error).toBeInstanceOf(UnresolvedVariableError);
    expect(error.request).toBe('POST Token');
    expect(error.variables).toEqual([{ name: 'applicationId' }, { name: 'deep', usedBy: 'nested' }, { name: '$nope' }]);
    expect(error.message).toMatch(
      /^Request "POST Token": unresolved variables \{\{applicationId\}\}, \{\{deep\}\} \(in the value of \{\{nested\}\}\), \{\{\$nope\}\}\./,
    );
  });

  it('generates Postman dynamic variables, fresh for each occurrence', () => {
    const out = resolveTemplate('{{$guid}} {{$randomUUID}} {{$guid}}', [], context).split(' ');
    for (const id of out) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(out).size).toBe(3);

    const before = Math.floor(Date.now() / 1000);
    const timestamp = Number(resolveTemplate('{{$timestamp}}', [], context));
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(before + 5);
    expect(resolveTemplate('{{$isoTimestamp}}', [], context)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    for (let i = 0; i < 50; i++) {
      const n = Number(resolveTemplate('{{$randomInt}}', [], context));
      expect(Number.isInteger(n) && n >= 0 && n <= 1000).toBe(true);
    }
  });

  it('lets a scope define a dynamic name, for deterministic tests', () => {
    expect(resolveTemplate('{{$guid}}', [{ $guid: 'fixed' }], context)).toBe('fixed');
  });
});

describe('resolveJson', () => {
  it('resolves every string, deep, keys included, and keeps other values as they are', () => {
    const body = { accountId: '{{accountId}}', redirectUris: ['{{auth_url}}/cb'], active: true, n: 3, none: null, '{{username}}': { x: 'y' } };
    expect(resolveJson(body, [environment], context)).toEqual({
      accountId: 'acc-1',
      redirectUris: ['https://authentication.api.mitel.io/2017-09-01/cb'],
      active: true,
      n: 3,
      none: null,
      ada: { x: 'y' },
    });
  });

  it('reports the unresolved variables of the whole body in one error', () => {
    const error = thrown(() => resolveJson({ a: '{{one}}', b: ['{{two}}'] }, [environment], context)) as UnresolvedVariableError;
    expect(error.variables.map((v) => v.name)).toEqual(['one', 'two']);
  });
});

describe('resolveForm', () => {
  it('resolves the fields of a urlencoded body', () => {
    const form = { grant_type: 'password', username: '{{username}}', account_id: '{{accountId}}' };
    expect(resolveForm(form, [environment], context)).toEqual({ grant_type: 'password', username: 'ada', account_id: 'acc-1' });
  });

  it('names the request and every missing field variable', () => {
    expect(() => resolveForm({ password: '{{password}}', code: '{{code}}' }, [environment], { request: 'POST Authorize' })).toThrow(
      'Request "POST Authorize": unresolved variables {{password}}, {{code}}.',
    );
  });
});

// Script translation: the patterns Postman users write for status checks, field checks and token
// captures become assertions and captures; every other line comes back as untranslated, with its
// script and line number, so it can be listed and kept.
import { translateScripts } from './import/scripts';
import { PKCE_PRE_REQUEST } from './export/test-script';

describe('translateScripts: captures', () => {
  it('reads Mitel\'s "POST Token" script and its common variants', () => {
    const out = translateScripts(
      [
        'var jsonData = JSON.parse(responseBody);',
        'pm.environment.set("access_token", jsonData.access_token);',
        "pm.collectionVariables.set('userId', pm.response.json().data.users[0].id);",
        'postman.setEnvironmentVariable("refresh_token", jsonData["refresh_token"]);',
        'pm.globals.set("location", pm.response.headers.get("Location"));',
        'let body = pm.response.json()',
        'pm.variables.set("first", body._embedded.items[0]?.applicationId)',
      ],
      [],
    );
    expect(out.captures).toEqual([
      { variable: 'access_token', source: { kind: 'body', path: ['access_token'] } },
      { variable: 'userId', source: { kind: 'body', path: ['data', 'users', 0, 'id'] } },
      { variable: 'refresh_token', source: { kind: 'body', path: ['refresh_token'] } },
      { variable: 'location', source: { kind: 'header', name: 'Location' } },
      { variable: 'first', source: { kind: 'body', path: ['_embedded', 'items', 0, 'applicationId'] } },
    ]);
    expect(out.untranslated).toEqual([]);
  });

  it('leaves a capture of anything but the body or a header untranslated', () => {
    const out = translateScripts(['pm.environment.set("ts", Date.now());', 'pm.environment.set("x", someVariable.id);'], []);
    expect(out.captures).toEqual([]);
    expect(out.untranslated.map((l) => l.line)).toEqual([1, 2]);
  });
});

describe('translateScripts: assertions', () => {
  it('turns status checks in their usual spellings into statuses', () => {
    const out = translateScripts(
      [
        'pm.test("Status code is 201", function () {',
        '    pm.response.to.have.status(201);',
        '});',
        'pm.test("one line", () => { pm.expect(pm.response.code).to.eql(202); });',
        'pm.expect(pm.response.code).to.be.oneOf([200, 204]);',
        'tests["Status code is 200"] = responseCode.code === 200;',
        'pm.response.to.be.notFound;',
      ],
      [],
    );
    expect(out.statuses).toEqual([201, 202, 200, 204, 404]);
    expect(out.untranslated).toEqual([]);
  });

  it('turns field, header and timing checks into checks', () => {
    const out = translateScripts(
      [
        'const jsonData = pm.response.json();',
        'pm.expect(jsonData.token_type).to.eql("bearer");',
        "pm.expect(jsonData.name, 'has a name').to.be.a('string');",
        'pm.expect(jsonData.items.length).to.be.above(0);',
        'pm.expect(jsonData).to.have.property("scope");',
        'pm.expect(jsonData.roles).to.include("ADMIN");',
        'pm.expect(jsonData.active).to.be.true;',
        'pm.expect(pm.response.responseTime).to.be.below(500);',
        'pm.response.to.have.header("x-mitel-correlation-id");',
        'pm.response.to.be.success;',
      ],
      [],
    );
    expect(out.checks).toEqual([
      { kind: 'equals', path: ['token_type'], value: 'bearer' },
      { kind: 'type', path: ['name'], type: 'string' },
      { kind: 'above', path: ['items', 'length'], value: 0 },
      { kind: 'exists', path: ['scope'] },
      { kind: 'includes', path: ['roles'], value: 'ADMIN' },
      { kind: 'equals', path: ['active'], value: true },
      { kind: 'time-below', ms: 500 },
      { kind: 'header', name: 'x-mitel-correlation-id' },
      { kind: 'success' },
    ]);
    expect(out.untranslated).toEqual([]);
  });
});

describe('translateScripts: what stays untranslated', () => {
  it('lists every line with code it does not know, with its script and line, and skips comments and blanks', () => {
    const out = translateScripts(
      [
        '// just a comment',
        '',
        'console.log(pm.response.text());',
        'pm.test("x", function () {',
        '    pm.expect(jsonData.a).to.be.empty;',
        '});',
        'postman.setNextRequest("Next");',
      ],
      ['pm.environment.set("nonce", Math.random());'],
    );
    expect(out.untranslated).toEqual([
      { listen: 'prerequest', line: 1, text: 'pm.environment.set("nonce", Math.random());' },
      { listen: 'test', line: 3, text: 'console.log(pm.response.text());' },
      { listen: 'test', line: 5, text: '    pm.expect(jsonData.a).to.be.empty;' },
      { listen: 'test', line: 7, text: 'postman.setNextRequest("Next");' },
    ]);
  });

  it('recognises the PKCE pre-request script this harness exports, so the suite makes the pair instead', () => {
    const out = translateScripts(
      [],
      PKCE_PRE_REQUEST.map((line) => `  ${line}`),
    );
    expect(out.pkce).toBe(true);
    expect(out.untranslated).toEqual([]);
    expect(translateScripts([], PKCE_PRE_REQUEST.slice(0, -1)).pkce).toBe(false);
  });

  it('reads back the schema checks this harness exports: statuses, schema ids and the inlined schemas', () => {
    const out = translateScripts(
      [
        'const schemas = {',
        '"authentication/token": {"type":"object","required":["access_token"]},',
        '"_shared/error": {"type":"object"}',
        '};',
        'const schemaByStatus = {"201":"authentication/token","401":"_shared/error"};',
        'pm.test("POST Token answers 201", function () {',
        '    pm.response.to.have.status(201);',
        '});',
        'pm.test("POST Token matches the schema of its status", function () {',
        '    const schema = schemas[schemaByStatus[pm.response.code]];',
        '    pm.expect(schema, "no schema is declared for status " + pm.response.code).to.be.an("object");',
        '    pm.response.to.have.jsonSchema(schema);',
        '});',
      ],
      [],
    );
    expect(out.statuses).toEqual([201]);
    expect(out.schemaByStatus).toEqual({ 201: 'authentication/token', 401: '_shared/error' });
    expect(Object.keys(out.inlinedSchemas)).toEqual(['authentication/token', '_shared/error']);
    expect(out.untranslated).toEqual([]);
  });
});

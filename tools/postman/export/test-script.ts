// The Postman scripts of one exported request. The test script asserts the status the request is
// expected to answer and validates the body against the JSON Schema declared for whatever status
// came back (inlined: pm.response.to.have.jsonSchema cannot follow a $ref to another file), then
// stores the values later requests need, as Mitel's "POST Token" stores access_token and
// refresh_token. Before "POST Authorize" a pre-request script makes a fresh PKCE pair, as the
// harness makes one per login. The lines are written so that `npm run import` reads them back.
import type { NamedRequest } from '../../../harness/client/named-request';
import type { BodyPath } from '../import/script-expressions';
import { successStatus, type PlannedCapture } from './captures';
import type { JsonSchema } from './inline-schema';

export interface ScriptCapture extends PlannedCapture {
  /** Tokens go to the environment, as in Mitel's library; everything else to collection variables. */
  scope: 'environment' | 'collectionVariables';
}

/** The NamedRequest fields Postman has a place for; any other (a newer harness field) travels in HARNESS_FIELDS_MARKER. */
export const POSTMAN_FIELDS: readonly string[] = ['name', 'description', 'method', 'url', 'headers', 'body', 'auth', 'responses'];
export const HARNESS_FIELDS_MARKER = '// cloudlink-harness fields:';

/** An imported request's own assertions (export/imported-scripts.ts): its status test replaces the declared one. */
export interface ImportedAssertions {
  status: string[];
  extra: string[];
}

export function testScript(
  request: NamedRequest,
  schemaOf: (id: string) => JsonSchema,
  captures: readonly ScriptCapture[],
  imported?: ImportedAssertions,
): string[] {
  const expected = successStatus(request);
  const ids = [...new Set(Object.values(request.responses))];
  const lines: string[] = ['// Exported by the CloudLink harness: the expected status, and the JSON Schema of each status this request may answer.'];
  const extra = Object.fromEntries(Object.entries(request).filter(([key]) => !POSTMAN_FIELDS.includes(key)));
  // Postman ignores it; `npm run import` puts these fields back, so a round trip keeps them.
  if (Object.keys(extra).length > 0) lines.push(`${HARNESS_FIELDS_MARKER} ${JSON.stringify(extra)}`);
  if (ids.length > 0) {
    lines.push('const schemas = {');
    ids.forEach((id, index) => lines.push(`${JSON.stringify(id)}: ${JSON.stringify(schemaOf(id))}${index < ids.length - 1 ? ',' : ''}`));
    lines.push('};');
    const byStatus = Object.fromEntries(Object.entries(request.responses).map(([status, id]) => [status, id]));
    lines.push(`const schemaByStatus = ${JSON.stringify(byStatus)};`);
  }
  if (imported) lines.push(...imported.status);
  else if (expected !== undefined) {
    lines.push(`pm.test(${JSON.stringify(`${request.name} answers ${expected}`)}, function () {`, `    pm.response.to.have.status(${expected});`, '});');
  }
  if (ids.length > 0) {
    lines.push(
      `pm.test(${JSON.stringify(`${request.name} matches the schema of its status`)}, function () {`,
      '    const schema = schemas[schemaByStatus[pm.response.code]];',
      '    pm.expect(schema, "no schema is declared for status " + pm.response.code).to.be.an("object");',
      '    pm.response.to.have.jsonSchema(schema);',
      '});',
    );
  }
  if (imported) lines.push(...imported.extra);
  if (captures.length > 0 && expected !== undefined) {
    lines.push(`if (pm.response.code === ${expected}) {`, '    const jsonData = pm.response.json();');
    for (const capture of captures) lines.push(`    pm.${capture.scope}.set(${JSON.stringify(capture.variable)}, jsonData${accessor(capture.path)});`);
    lines.push('}');
  }
  return lines;
}

/** `._embedded.items[0]?.applicationId`: an empty list leaves the variable unset instead of failing the script. */
function accessor(path: BodyPath): string {
  return path
    .map((segment, index) => {
      const optional = index > 0 && typeof path[index - 1] === 'number' ? '?' : '';
      if (typeof segment === 'number') return `[${segment}]`;
      return /^[A-Za-z_$][\w$]*$/.test(segment) ? `${optional}.${segment}` : `${optional}[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/** Sets code_verifier (for "POST Authorization Code Token") and its challenge (for this request). */
export const PKCE_PRE_REQUEST: readonly string[] = [
  '// Exported by the CloudLink harness: a fresh PKCE verifier and its S256 challenge for this login.',
  "const cryptoJs = require('crypto-js');",
  "const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';",
  "let verifier = '';",
  'for (let i = 0; i < 64; i++) verifier += alphabet.charAt(Math.floor(Math.random() * alphabet.length));',
  "const challenge = cryptoJs.SHA256(verifier).toString(cryptoJs.enc.Base64).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');",
  'pm.collectionVariables.set("code_verifier", verifier);',
  'pm.collectionVariables.set("code_challenge", challenge);',
];

/** True when `lines` are that script, whatever the indentation and blank lines an editor added. */
export function isPkcePreRequest(lines: readonly string[]): boolean {
  const meaningful = (list: readonly string[]) => list.map((line) => line.trim()).filter((line) => line !== '');
  const expected = meaningful(PKCE_PRE_REQUEST);
  const actual = meaningful(lines);
  return actual.length === expected.length && actual.every((line, index) => line === expected[index]);
}

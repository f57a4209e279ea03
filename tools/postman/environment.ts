// Postman environments both ways. In: the file an import writes to environments/ — the
// environment export's values (read by the harness's own parser, so a broken export fails with the
// same message as at load time), the collection's variables, and every secret blank; a secret's
// value is never copied but becomes the CLOUDLINK_ name to put in .env, which the import prints.
// Out: the environment handed over with exported collections — the environment file's own values
// (never .env, which holds the user's credentials), every harness variable (so "POST Token" has
// somewhere to store access_token), and every secret blank, typed secret.
import { readFileSync } from 'node:fs';
import { KNOWN_VARIABLES, envVariableName, isSecretVariable, parsePostmanEnvironment } from '../../harness/env';
import { locateEnvironment } from '../../harness/env/locate';
import { JWT_PATTERN } from '../../harness/redact/sensitive';
import type { PostmanKeyValue } from './format';
import type { SecretVariable } from './import/auth';
import { kebabCase } from './import/infer-schema';

export interface EnvironmentValue {
  key: string;
  value: string;
  type: 'default' | 'secret';
  enabled: true;
  description?: string;
}

export interface EnvironmentDocument {
  name: string;
  values: EnvironmentValue[];
  _postman_variable_scope: 'environment';
}

export interface MovedSecret {
  key: string;
  /** Where to set it instead: CLOUDLINK_<KEY> in .env. */
  envName: string;
  /** Why it is there, when the importer added it. */
  hint?: string;
}

export interface ImportedEnvironment {
  /** The file stem: environments/<stem>.postman_environment.json, and --environment <stem>. */
  stem: string;
  document: EnvironmentDocument;
  secrets: MovedSecret[];
}

export interface EnvironmentSource {
  /** The environment export, as text, and its path for messages. */
  text?: string;
  file?: string;
  collectionVariables: readonly PostmanKeyValue[];
  addedSecrets: readonly SecretVariable[];
  /** The stem to use when no environment export was given. */
  fallbackName: string;
}

/** Undefined when there is nothing to write: no environment export, no collection variables, no secret. */
export function importEnvironment(source: EnvironmentSource): ImportedEnvironment | undefined {
  const parsed = source.text !== undefined && source.file !== undefined ? parsePostmanEnvironment(source.text, source.file) : undefined;
  const values = new Map<string, EnvironmentValue>();
  const secrets: MovedSecret[] = [];
  // `listed`: the user must supply it. A blank collection variable is one a script sets at run time.
  const add = (key: string, value: string, postmanType: string | undefined, listed: boolean, hint?: string): void => {
    if (values.has(key)) return;
    const secret = isSecretVariable(key, postmanType) || looksLikeToken(value);
    values.set(key, { key, value: secret ? '' : value, type: secret ? 'secret' : 'default', enabled: true });
    if (secret && (listed || value !== '')) secrets.push({ key, envName: envVariableName(key), ...(hint ? { hint } : {}) });
  };
  for (const entry of parsed?.values ?? []) add(entry.key, entry.value, entry.type, true);
  for (const variable of source.collectionVariables) {
    if (!variable.disabled) add(variable.key, variable.value ?? '', variable.type === 'secret' ? 'secret' : undefined, false);
  }
  for (const secret of source.addedSecrets) add(secret.key, '', 'secret', true, secret.hint);
  if (values.size === 0) return undefined;

  const name = parsed?.name ?? source.fallbackName;
  return {
    stem: kebabCase(name) || source.fallbackName,
    document: { name, values: [...values.values()], _postman_variable_scope: 'environment' },
    secrets,
  };
}

/** A JWT is a credential whatever its variable is called. */
function looksLikeToken(value: string): boolean {
  JWT_PATTERN.lastIndex = 0;
  return JWT_PATTERN.test(value);
}

// ---- Out.

export interface ExportedEnvironment {
  stem: string;
  document: EnvironmentDocument;
  /** Keys written blank because they are secrets. */
  blanked: string[];
}

/** `selector` is what --environment takes: a name under environments/ or a path to an export. */
export function exportEnvironment(selector: string, rootDir: string): ExportedEnvironment {
  const { name, file } = locateEnvironment(selector, rootDir);
  const parsed = parsePostmanEnvironment(readFileSync(file, 'utf8'), file);
  const values: EnvironmentValue[] = [];
  const blanked: string[] = [];
  const add = (key: string, value: string, type?: string): void => {
    const secret = isSecretVariable(key, type);
    if (secret && value !== '') blanked.push(key);
    values.push({ key, value: secret ? '' : value, type: secret ? 'secret' : 'default', enabled: true });
  };
  for (const entry of parsed.values) add(entry.key, entry.value, entry.type);
  for (const key of KNOWN_VARIABLES) if (!parsed.values.some((entry) => entry.key === key)) add(key, '');
  return { stem: name, document: { name: parsed.name, values, _postman_variable_scope: 'environment' }, blanked };
}
